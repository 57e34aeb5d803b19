using CreditPower.Applications.Data;
using CreditPower.Applications.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.CapacityPool;

internal static class ListApplicationCapacity
{
    /// <summary>
    /// An application's capacity requests across pools (waiting, held, ended), for its detail page; the place in line of a
    /// waiting one is as it would be offered now.
    /// </summary>
    public static async Task<Results<Ok<List<CapacityRequestResponse>>, NotFound>> Handle(
        Guid applicationId, ApplicationsDbContext db, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        if (application is null)
        {
            return TypedResults.NotFound();
        }

        var requests = await db.CapacityRequests.AsNoTracking()
            .Where(r => r.ApplicationId == applicationId)
            .OrderBy(r => r.RequestedAt)
            .ToListAsync(cancellationToken);
        // The queues of every pool it waits in, read at once: a place in line is relative to the pool's other requests.
        var waitingIn = requests.Where(r => r.Status == CapacityRequestStatus.Waiting).Select(r => r.PoolId).Distinct().ToList();
        var queues = waitingIn.Count == 0 ? null : (await PoolOffering.WaitingAsync(db, waitingIn, cancellationToken)).Open;
        return TypedResults.Ok(requests
            .Select(request => CapacityRequestResponse.From(request, application,
                queues?.GetValueOrDefault(request.PoolId)?.FirstOrDefault(w => w.Request.Id == request.Id)?.Position))
            .ToList());
    }
}
