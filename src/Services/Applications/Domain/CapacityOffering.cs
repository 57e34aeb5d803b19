namespace CreditPower.Applications.Domain;

/// <summary>
/// The order in which free public capacity is offered (DOMAIN.md §7): honest customers (green channel) first, then by
/// the application's submission time; ties by when the capacity was requested, then by request id, so the order is total.
/// </summary>
/// <remarks>
/// First fit in priority order: the free capacity is offered down the queue and each request that fits whole is
/// allocated; one that does not fit keeps its place and is passed over this time. A strict queue would leave capacity
/// idle behind a large request at the head (one application asking for three bays would stop a dozen asking for one),
/// which serves nobody. The price is that a large request can wait while smaller ones behind it are served; it stays
/// first in line, so it is served as soon as enough is free at once.
/// </remarks>
public static class CapacityOffering
{
    /// <summary>The waiting requests in offer order.</summary>
    public static IReadOnlyList<CapacityCandidate> Order(IEnumerable<CapacityCandidate> waiting) =>
    [
        .. waiting
            .OrderByDescending(c => c.GreenChannel)
            .ThenBy(c => c.SubmittedAt)
            .ThenBy(c => c.RequestedAt)
            .ThenBy(c => c.RequestId),
    ];

    /// <summary>The requests to allocate out of <paramref name="free"/>, in offer order; never more than is free in sum.</summary>
    public static IReadOnlyList<CapacityCandidate> Offer(int free, IEnumerable<CapacityCandidate> waiting)
    {
        var allocated = new List<CapacityCandidate>();
        foreach (var candidate in Order(waiting))
        {
            if (candidate.Amount > 0 && candidate.Amount <= free)
            {
                allocated.Add(candidate);
                free -= candidate.Amount;
            }
        }

        return allocated;
    }
}
