using CreditPower.Applications.Data;
using CreditPower.Applications.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.CapacityPool;

internal static class ListPools
{
    /// <summary>
    /// Every pool with its figures and how many requests wait on it, substation bays first, then by name. A request whose
    /// application has closed is not waiting for anything (the next offer ends it), so it is not counted: the list says
    /// what the pool's own page shows.
    /// </summary>
    public static async Task<Ok<List<CapacityPoolResponse>>> Handle(ApplicationsDbContext db, CancellationToken cancellationToken)
    {
        var pools = await db.CapacityPools.AsNoTracking()
            .OrderBy(p => p.Kind).ThenBy(p => p.Name)
            .Select(p => new
            {
                Pool = p,
                Waiting = db.CapacityRequests.Count(r => r.PoolId == p.Id && r.Status == CapacityRequestStatus.Waiting
                    && db.Applications.Any(a => a.Id == r.ApplicationId && a.Stage != ApplicationStage.Completed)),
            })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(pools.Select(p => CapacityPoolResponse.From(p.Pool, p.Waiting)).ToList());
    }
}
