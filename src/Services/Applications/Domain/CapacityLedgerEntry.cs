namespace CreditPower.Applications.Domain;

/// <summary>
/// One movement of a pool, never changed afterwards: who, when, how much, for which application, and the pool's
/// total and allocation right after it, so the ledger replays to the pool's state. The id is a database sequence:
/// a release and the allocations it causes share one instant, and the sequence keeps them in the order they happened.
/// </summary>
public sealed class CapacityLedgerEntry
{
    public long Id { get; init; }
    public Guid PoolId { get; init; }
    public CapacityLedgerKind Kind { get; init; }
    public int Amount { get; init; }
    public Guid? RequestId { get; init; }
    public Guid? ApplicationId { get; init; }
    public required string Reason { get; init; }
    public required string By { get; init; }
    public DateTimeOffset At { get; init; }
    public int TotalAfter { get; init; }
    public int AllocatedAfter { get; init; }
}
