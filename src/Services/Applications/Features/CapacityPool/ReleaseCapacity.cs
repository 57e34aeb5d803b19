using System.Security.Claims;
using CreditPower.Applications.Data;
using CreditPower.Applications.Domain;
using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.CapacityPool;

public sealed record ReleaseCapacityRequest
{
    public required int Amount { get; init; }
    public required string Reason { get; init; }
}

internal static class ReleaseCapacity
{
    /// <summary>
    /// An allocation gives back part or all of what it holds (the application was withdrawn, or completed needing less);
    /// the freed capacity is offered at once to the waiting requests, in order.
    /// </summary>
    public static async Task<Results<Ok<CapacityMovementResponse>, NotFound, ValidationProblem>> Handle(
        Guid id, ReleaseCapacityRequest request, ClaimsPrincipal user, ApplicationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Amount <= 0)
        {
            errors["amount"] = ["释放容量应为正整数。"];
        }

        if (CapacityLimits.ReasonProblem(request.Reason) is { } reasonProblem)
        {
            errors["reason"] = [reasonProblem];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Problems.InvalidTitle);
        }

        var by = user.Identity?.Name ?? "unknown";
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async Task<Results<Ok<CapacityMovementResponse>, NotFound, ValidationProblem>> () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var poolId = await db.CapacityRequests.Where(r => r.Id == id).Select(r => (Guid?)r.PoolId).FirstOrDefaultAsync(cancellationToken);
            // The pool is locked before the request is read, so the request's holding cannot change under us.
            var pool = poolId is { } known ? await db.LockPoolAsync(known, cancellationToken) : null;
            if (pool is null)
            {
                return TypedResults.NotFound();
            }

            var held = await db.CapacityRequests.SingleAsync(r => r.Id == id, cancellationToken);
            if (request.Amount > held.Held)
            {
                var message = held.Held == 0
                    ? "该申请当前未占用容量，无可释放。"
                    : $"释放 {request.Amount} {PublicCapacityPool.UnitOf(pool.Kind)}，超过该申请已分配的 {held.Held} {PublicCapacityPool.UnitOf(pool.Kind)}。";
                return Problems.Field("amount", message);
            }

            var now = clock.GetUtcNow();
            held.Held -= request.Amount;
            if (held.Held == 0)
            {
                held.Status = CapacityRequestStatus.Ended;
                held.EndedAt = now;
            }

            pool.Allocated -= request.Amount;
            db.CapacityLedger.Add(new CapacityLedgerEntry
            {
                PoolId = pool.Id,
                Kind = CapacityLedgerKind.Released,
                Amount = request.Amount,
                RequestId = held.Id,
                ApplicationId = held.ApplicationId,
                Reason = request.Reason.Trim(),
                By = by,
                At = now,
                TotalAfter = pool.Total,
                AllocatedAfter = pool.Allocated,
            });
            var offer = await db.OfferAsync(pool, "释放容量后按序分配", by, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok(CapacityMovementResponse.From(pool, offer));
        });
    }
}
