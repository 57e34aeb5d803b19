using CreditPower.Contracts;

namespace CreditPower.Grading.Domain;

public sealed record GradeResult(int Score, CreditColour Colour, IReadOnlyList<GradeReason> Reasons);
