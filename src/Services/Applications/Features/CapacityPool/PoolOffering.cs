using CreditPower.Applications.Data;
using CreditPower.Applications.Domain;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.CapacityPool;

/// <summary>
/// The database side of <see cref="CapacityOffering"/>: every writer of a pool (a request, an addition, a release)
/// first locks the pool's row, so offers never interleave and the pool's allocation is never read stale.
/// </summary>
internal static class PoolOffering
{
    /// <summary>The pool, locked (<c>SELECT … FOR UPDATE</c>) until the caller's transaction ends; null when unknown.</summary>
    public static Task<PublicCapacityPool?> LockPoolAsync(this ApplicationsDbContext db, Guid poolId, CancellationToken cancellationToken) =>
        db.CapacityPools
            .FromSql($"""SELECT * FROM capacity_pools WHERE "Id" = {poolId} FOR UPDATE""")
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Offers the locked <paramref name="pool"/>'s free capacity to its waiting requests (open applications only, read
    /// as they are now, so a colour change since the request counts) and records each allocation in the ledger.
    /// The caller saves; saved requests only are seen, so a new request is saved before it is offered anything.
    /// </summary>
    public static async Task<PoolOffer> OfferAsync(
        this ApplicationsDbContext db, PublicCapacityPool pool, string reason, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (waiting, closed) = await WaitingAsync(db, pool.Id, cancellationToken);
        foreach (var request in closed)
        {
            // Its application closed while it waited: it leaves the queue instead of being offered capacity it no longer needs.
            request.Status = CapacityRequestStatus.Ended;
            request.EndedAt = now;
        }

        var chosen = CapacityOffering.Offer(pool.Free, waiting.Select(w => w.Candidate)).Select(c => c.RequestId).ToHashSet();
        var allocated = new List<CapacityRequest>();
        foreach (var (request, application, _) in waiting.Where(w => chosen.Contains(w.Request.Id)).OrderBy(w => w.Position))
        {
            request.Held = request.Amount;
            request.Status = CapacityRequestStatus.Allocated;
            request.AllocatedAt = now;
            pool.Allocated += request.Amount;
            db.CapacityLedger.Add(new CapacityLedgerEntry
            {
                PoolId = pool.Id,
                Kind = CapacityLedgerKind.Allocated,
                Amount = request.Amount,
                RequestId = request.Id,
                ApplicationId = application.Id,
                Reason = application.GreenChannel ? $"{reason}（绿色通道优先）" : reason,
                By = by,
                At = now,
                TotalAfter = pool.Total,
                AllocatedAfter = pool.Allocated,
            });
            allocated.Add(request);
        }

        return new PoolOffer(allocated, waiting.Count - allocated.Count);
    }

    /// <summary>
    /// The pool's waiting requests of open applications, tracked, with their place in the offer order (1 first), and
    /// apart the waiting requests whose application has closed since.
    /// </summary>
    public static async Task<(IReadOnlyList<WaitingRequest> Open, IReadOnlyList<CapacityRequest> Closed)> WaitingAsync(
        ApplicationsDbContext db, Guid poolId, CancellationToken cancellationToken)
    {
        var (open, closed) = await WaitingAsync(db, [poolId], cancellationToken);
        return (open.GetValueOrDefault(poolId, []), closed);
    }

    /// <summary>
    /// <see cref="WaitingAsync(ApplicationsDbContext, Guid, CancellationToken)"/> for several pools in one query: each
    /// pool's open requests in its own offer order (a pool with none is absent), and the closed ones of all of them.
    /// </summary>
    public static async Task<(IReadOnlyDictionary<Guid, IReadOnlyList<WaitingRequest>> Open, IReadOnlyList<CapacityRequest> Closed)> WaitingAsync(
        ApplicationsDbContext db, IReadOnlyCollection<Guid> poolIds, CancellationToken cancellationToken)
    {
        var rows = await (
            from request in db.CapacityRequests
            where poolIds.Contains(request.PoolId) && request.Status == CapacityRequestStatus.Waiting
            join application in db.Applications on request.ApplicationId equals application.Id
            select new { request, application })
            .ToListAsync(cancellationToken);

        // IsOpen is the application's own rule (not mapped), so closed applications are dropped here, not in SQL.
        var open = rows.Where(r => r.application.IsOpen).ToDictionary(r => r.request.Id);
        var queues = open.Values.GroupBy(r => r.request.PoolId).ToDictionary(
            pool => pool.Key,
            IReadOnlyList<WaitingRequest> (pool) =>
            [
                .. CapacityOffering.Order(pool.Select(r =>
                        new CapacityCandidate(r.request.Id, r.request.Amount, r.application.GreenChannel, r.application.SubmittedAt, r.request.RequestedAt)))
                    .Select((c, i) => new WaitingRequest(open[c.RequestId].request, open[c.RequestId].application, i + 1)),
            ]);
        return (queues, [.. rows.Where(r => !r.application.IsOpen).Select(r => r.request)]);
    }
}
