using CreditPower.Contracts;
using CreditPower.Grading.Domain;

namespace CreditPower.Grading.Features.Grades;

/// <summary>
/// The <see cref="CreditGradeChanged"/> announcing a stored grade: written by the per-event grader into the outbox,
/// and built by the relay from a bulk run's claim check (<see cref="Reevaluation.GradeChangedReference"/>).
/// </summary>
internal static class GradeChangedMessage
{
    /// <summary>The message for <paramref name="grade"/> of <paramref name="subject"/>, whose accounts are loaded, with its reasons in words.</summary>
    public static CreditGradeChanged For(Subject subject, GradeRecord grade, IReadOnlyList<GradeReason> reasons, CreditColour? oldColour) => new()
    {
        SubjectId = subject.Id,
        SubjectKind = subject.Kind,
        Identifier = subject.Identifier,
        Name = subject.Name,
        Accounts = [.. subject.Accounts.Select(a => a.Number).Order(StringComparer.Ordinal)],
        OldColour = oldColour,
        NewColour = grade.Colour,
        Score = grade.Score,
        Reasons = reasons,
        RuleVersion = grade.RuleVersion,
        EffectiveAt = grade.EffectiveAt,
    };
}
