namespace CreditPower.Grading.Features.Explanation;

/// <summary>What kind of reason a <see cref="ExplainedReason"/> is, so the portal can group them.</summary>
public enum ReasonKind
{
    Deduction,
    Bonus,
    Veto,
    Cap,
    RedCondition,
    Gate,
    Movement,
}

/// <summary>
/// One reason behind a grade, with the event it rests on (when it rests on one): <c>OccurredAt</c> is when it happened
/// (for a bonus counted several times, the latest), <c>ExpiresAt</c> when it stops counting (null while it counts
/// until its cause ends: paid, rectified, delisted).
/// </summary>
public sealed record ExplainedReason(
    string Code, ReasonKind Kind, int Points, string Description, DateTimeOffset? OccurredAt = null, DateTimeOffset? ExpiresAt = null);
