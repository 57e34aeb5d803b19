using CreditPower.Contracts;

namespace CreditPower.Grading.Features.Grades;

/// <summary>A subject's current grade; a natural person's ID number comes masked.</summary>
public sealed record GradeLookupResponse(
    Guid SubjectId, SubjectKind Kind, string Identifier, string Name, CreditColour Colour, int Score, string RuleVersion, DateTimeOffset GradedAt);
