using CreditPower.Contracts;
using CreditPower.Grading.Domain;
using CreditPower.ServiceDefaults.Subjects;

namespace CreditPower.Grading.Features.Subjects;

/// <summary>A subject as lists and summaries show it: a natural person's ID number masked.</summary>
public sealed record SubjectResponse(
    Guid Id, SubjectKind Kind, string Identifier, string Name, IReadOnlyList<string> Accounts,
    CreditColour Colour, int Score, string RuleVersion, DateTimeOffset GradedAt)
{
    internal static SubjectResponse From(Subject subject) => new(
        subject.Id,
        subject.Kind,
        SubjectIdentifier.Display(subject.Kind, subject.Identifier),
        subject.Name,
        [.. subject.Accounts.Select(a => a.Number)],
        subject.Colour,
        subject.Score,
        subject.RuleVersion,
        subject.GradedAt);
}
