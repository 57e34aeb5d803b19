using CreditPower.Contracts;

namespace CreditPower.Grading.Domain;

/// <summary>One entry of a subject's grade history, with the rule version and reasons that produced it.</summary>
public sealed class GradeRecord
{
    public Guid Id { get; init; }
    public Guid SubjectId { get; init; }
    public CreditColour Colour { get; init; }
    public int Score { get; init; }
    public required string RuleVersion { get; init; }

    /// <summary>Codes and points; the words come from <see cref="RuleVersion"/> (<see cref="ReasonTexts"/>).</summary>
    public required StoredReasons Reasons { get; init; }
    public DateTimeOffset EffectiveAt { get; init; }
    public required string Cause { get; init; }

    /// <summary>The re-evaluation run that wrote the grade; null for a grade of one subject (an event, a decision).</summary>
    public Guid? RunId { get; init; }
}
