using CreditPower.Applications.Data;
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
        var answer = new List<CapacityRequestResponse>(requests.Count);
        foreach (var request in requests)
        {
            int? position = null;
            if (request.Status == Domain.CapacityRequestStatus.Waiting)
            {
                var (waiting, _) = await PoolOffering.WaitingAsync(db, request.PoolId, cancellationToken);
                position = waiting.FirstOrDefault(w => w.Request.Id == request.Id)?.Position;
            }

            answer.Add(CapacityRequestResponse.From(request, application, position));
        }

        return TypedResults.Ok(answer);
    }
}
