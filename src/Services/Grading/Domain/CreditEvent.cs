namespace CreditPower.Grading.Domain;

/// <summary>An entry of the event ledger (DOMAIN.md §3).</summary>
public sealed class CreditEvent
{
    public Guid Id { get; init; }
    public Guid SubjectId { get; init; }
    public required string EventType { get; init; }
    public int Points { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public required string Source { get; init; }
    public string? Evidence { get; init; }
    public required string RecordedBy { get; init; }
    public CreditEventStatus Status { get; set; }

    public ScoredEvent ToScored() => new(EventType, OccurredAt, ExpiresAt);
}
