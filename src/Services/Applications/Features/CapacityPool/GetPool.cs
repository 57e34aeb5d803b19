using CreditPower.Applications.Data;
using CreditPower.Applications.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.CapacityPool;

internal static class GetPool
{
    private const int LedgerPage = 200;

    /// <summary>One pool: waiting requests in the order they would be offered now, allocations held, and the latest ledger.</summary>
    public static async Task<Results<Ok<CapacityPoolDetailResponse>, NotFound>> Handle(
        Guid id, ApplicationsDbContext db, CancellationToken cancellationToken)
    {
        var pool = await db.CapacityPools.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pool is null)
        {
            return TypedResults.NotFound();
        }

        var (waiting, _) = await PoolOffering.WaitingAsync(db, id, cancellationToken);
        var holding = await (
            from request in db.CapacityRequests.AsNoTracking()
            where request.PoolId == id && request.Status == CapacityRequestStatus.Allocated
            join application in db.Applications.AsNoTracking() on request.ApplicationId equals application.Id
            orderby request.AllocatedAt
            select new { request, application })
            .ToListAsync(cancellationToken);
        var ledger = await (
            from entry in db.CapacityLedger.AsNoTracking()
            where entry.PoolId == id
            join application in db.Applications.AsNoTracking() on entry.ApplicationId equals application.Id into applications
            from application in applications.DefaultIfEmpty()
            orderby entry.Id descending
            select new CapacityLedgerResponse(
                entry.Id, entry.Kind, entry.Amount, entry.RequestId, entry.ApplicationId,
                application == null ? null : application.ApplicantName,
                entry.Reason, entry.By, entry.At, entry.TotalAfter, entry.AllocatedAfter))
            .Take(LedgerPage)
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(new CapacityPoolDetailResponse(
            CapacityPoolResponse.From(pool, waiting.Count),
            [.. waiting.Select(w => CapacityRequestResponse.From(w.Request, w.Application, w.Position))],
            [.. holding.Select(h => CapacityRequestResponse.From(h.request, h.application, position: null))],
            ledger));
    }
}
