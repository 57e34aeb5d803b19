using CreditPower.Applications.Domain;

namespace CreditPower.IntegrationTests.Applications.CapacityPool;

/// <summary>A pool as stored: its row, its requests and its ledger.</summary>
internal sealed record PoolState(PublicCapacityPool Pool, List<CapacityRequest> Requests, List<CapacityLedgerEntry> Ledger)
{
    public int HeldSum => Requests.Sum(r => r.Held);

    /// <summary>The allocation the ledger replays to: allocations in, releases out.</summary>
    public int LedgerAllocated => Ledger.Sum(e => e.Kind switch
    {
        CapacityLedgerKind.Allocated => e.Amount,
        CapacityLedgerKind.Released => -e.Amount,
        _ => 0,
    });

    public int LedgerTotal => Ledger.Where(e => e.Kind == CapacityLedgerKind.Added).Sum(e => e.Amount);

    /// <summary>Asserts the pool, its requests and its ledger agree, and nothing is over-allocated.</summary>
    public void AssertConsistent()
    {
        Assert.InRange(Pool.Allocated, 0, Pool.Total);
        Assert.Equal(Pool.Allocated, HeldSum);
        Assert.Equal(Pool.Allocated, LedgerAllocated);
        Assert.Equal(Pool.Total, LedgerTotal);
    }
}
