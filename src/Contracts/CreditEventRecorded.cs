namespace CreditPower.Contracts;

/// <summary>Published by Grading when a credit event is recorded in force for a subject.</summary>
public sealed record CreditEventRecorded
{
    public required Guid EventId { get; init; }
    public required Guid SubjectId { get; init; }
    public required string EventType { get; init; }
    public required int Points { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public required DateTimeOffset? ExpiresAt { get; init; }
}
