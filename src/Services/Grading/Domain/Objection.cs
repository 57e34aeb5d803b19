namespace CreditPower.Grading.Domain;

/// <summary>
/// A subject's objection (异议) to an event or a grade (DOMAIN.md §10): acknowledged within
/// <see cref="AcknowledgeBy"/>, decided within <see cref="DecideBy"/> (working days, configurable).
/// </summary>
public sealed class Objection
{
    public Guid Id { get; init; }
    public Guid SubjectId { get; init; }
    public Guid? CreditEventId { get; init; }
    public required string Reason { get; init; }
    public ObjectionStatus Status { get; set; }
    public required string SubmittedBy { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset AcknowledgeBy { get; init; }
    public DateTimeOffset DecideBy { get; init; }
    public string? AcknowledgedBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
}
