using System.Security.Claims;
using CreditPower.Applications.Data;
using CreditPower.Applications.Domain;
using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.CapacityPool;

public sealed record RequestCapacityRequest
{
    public required Guid PoolId { get; init; }
    public required Guid ApplicationId { get; init; }
    public required int Amount { get; init; }
}

internal static class RequestCapacity
{
    /// <summary>
    /// An open application asks a pool for an amount. It joins the pool's queue and the free capacity is offered at once
    /// (<see cref="CapacityOffering"/>): it is allocated now when it fits and no request ranking ahead of it fits,
    /// otherwise it waits. 201 either way; <c>status</c> says which.
    /// </summary>
    public static async Task<Results<Created<CapacityRequestResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        RequestCapacityRequest request, ClaimsPrincipal user, ApplicationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Amount <= 0)
        {
            return Problems.Field("amount", "申请容量应为正整数。");
        }

        var by = user.Identity?.Name ?? "unknown";
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async Task<Results<Created<CapacityRequestResponse>, ValidationProblem, ProblemHttpResult>> () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Locked first: two requests for the last of a pool are decided one after the other, never both on the same free figure.
            var pool = await db.LockPoolAsync(request.PoolId, cancellationToken);
            if (pool is null)
            {
                return Problems.Field("poolId", "没有这个公用容量资源。");
            }

            if (request.Amount > pool.Total)
            {
                return Problems.Field("amount",
                    $"申请 {request.Amount} {PublicCapacityPool.UnitOf(pool.Kind)}，超过“{pool.Name}”的总容量 {pool.Total} {PublicCapacityPool.UnitOf(pool.Kind)}。");
            }

            var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.ApplicationId, cancellationToken);
            if (application is null)
            {
                return Problems.Field("applicationId", "没有这份报装申请。");
            }

            if (!application.IsOpen)
            {
                return Problems.Field("applicationId", "该报装申请已办结，不能再申请公用容量。");
            }

            if (await db.CapacityRequests.AnyAsync(
                r => r.PoolId == pool.Id && r.ApplicationId == application.Id && r.Status != CapacityRequestStatus.Ended, cancellationToken))
            {
                return CreatePool.Conflict("applicationId", $"该申请已在“{pool.Name}”排队或已获分配，不能重复申请。");
            }

            var now = clock.GetUtcNow();
            var capacityRequest = new CapacityRequest
            {
                Id = Guid.CreateVersion7(now),
                PoolId = pool.Id,
                ApplicationId = application.Id,
                Amount = request.Amount,
                Status = CapacityRequestStatus.Waiting,
                RequestedAt = now,
                RequestedBy = by,
            };
            db.CapacityRequests.Add(capacityRequest);
            await db.SaveChangesAsync(cancellationToken);
            await db.OfferAsync(pool, "申请时有空余容量，按序分配", by, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            var (waiting, _) = await PoolOffering.WaitingAsync(db, pool.Id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            var position = waiting.FirstOrDefault(w => w.Request.Id == capacityRequest.Id)?.Position;
            return TypedResults.Created(
                $"/api/capacity/requests/{capacityRequest.Id}", CapacityRequestResponse.From(capacityRequest, application, position));
        });
    }
}
