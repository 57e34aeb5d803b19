using CreditPower.Contracts;

namespace CreditPower.Grading.Domain;

/// <summary>
/// What the scoring needs besides the events: the subject's history and whether this evaluation
/// may upgrade (only the monthly evaluation or an approved repair may).
/// </summary>
public sealed record GradeContext(
    DateTimeOffset SubjectSince,
    CreditColour? PreviousColour,
    DateTimeOffset? LastRedOrBlackAt,
    bool UpgradeAllowed);
