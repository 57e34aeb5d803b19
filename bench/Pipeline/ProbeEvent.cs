namespace CreditPower.Bench.Pipeline;

/// <summary>The producer's state change, committed with its outbox row (as a recorded credit event is).</summary>
public sealed class ProbeEvent
{
    public Guid Id { get; init; }
    public Guid SubjectId { get; init; }
    public int Run { get; init; }
    public int Sequence { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}
