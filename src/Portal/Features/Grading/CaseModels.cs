namespace CreditPower.Portal.Features.Grading;

public sealed record ObjectionView(
    Guid Id, Guid SubjectId, string SubjectName, string SubjectIdentifier, Guid? CreditEventId, string? EventType, string Reason,
    string Status, string StatusLabel, string SubmittedBy, DateTimeOffset SubmittedAt, DateTimeOffset AcknowledgeBy, DateTimeOffset DecideBy,
    string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote,
    bool AcknowledgeOverdue, bool DecisionOverdue)
{
    public bool IsOpen => Status is "submitted" or "acknowledged";
}

public sealed record RepairView(
    Guid Id, Guid SubjectId, string SubjectName, string SubjectIdentifier, string Reason, string Status, string StatusLabel,
    string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote)
{
    public bool IsPending => Status == "pending";
}

public sealed record ReevaluationRunView(
    Guid Id, string? Kind, string? RuleVersion, long Total, long Done, long Changed, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    string? Error, string? StartedBy)
{
    public bool Running => FinishedAt is null && Error is null;

    public int Percent => Total <= 0 ? (FinishedAt is null ? 0 : 100) : (int)Math.Clamp(Done * 100 / Total, 0, 100);
}
