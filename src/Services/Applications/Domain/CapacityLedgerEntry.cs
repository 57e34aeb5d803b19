namespace CreditPower.Applications.Domain;

/// <summary>
/// One movement of a pool, never changed afterwards: who, when, how much, for which application, and the pool's
/// total and allocation right after it, so the ledger replays to the pool's state.
/// </summary>
public sealed class CapacityLedgerEntry
{
    public Guid Id { get; init; }
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
