using System.Security.Claims;
using CreditPower.Applications.Data;
using CreditPower.Applications.Domain;
using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.CapacityPool;

public sealed record AddCapacityRequest
{
    public required int Amount { get; init; }
    public required string Reason { get; init; }
}

internal static class AddCapacity
{
    /// <summary>New capacity opens (a bay built, a line upgraded) and is offered at once to the waiting requests, in order.</summary>
    public static async Task<Results<Ok<CapacityMovementResponse>, NotFound, ValidationProblem>> Handle(
        Guid id, AddCapacityRequest request, ClaimsPrincipal user, ApplicationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Amount is <= 0 or > CapacityLimits.MaxTotal)
        {
            errors["amount"] = [$"新增容量应为 1 到 {CapacityLimits.MaxTotal} 之间的整数。"];
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
            var pool = await db.LockPoolAsync(id, cancellationToken);
            if (pool is null)
            {
                return TypedResults.NotFound();
            }

            if (pool.Total + request.Amount > CapacityLimits.MaxTotal)
            {
                return Problems.Field("amount", $"新增后总容量将超过上限 {CapacityLimits.MaxTotal}。");
            }

            var now = clock.GetUtcNow();
            pool.Total += request.Amount;
            db.CapacityLedger.Add(new CapacityLedgerEntry
            {
                PoolId = pool.Id,
                Kind = CapacityLedgerKind.Added,
                Amount = request.Amount,
                Reason = request.Reason.Trim(),
                By = by,
                At = now,
                TotalAfter = pool.Total,
                AllocatedAfter = pool.Allocated,
            });
            var offer = await db.OfferAsync(pool, "新增容量后按序分配", by, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok(CapacityMovementResponse.From(pool, offer));
        });
    }
}
