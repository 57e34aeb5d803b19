using System.Security.Claims;
using CreditPower.Applications.Data;
using CreditPower.Applications.Domain;
using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.CapacityPool;

public sealed record CreatePoolRequest
{
    public required string Name { get; init; }
    public required CapacityKind Kind { get; init; }
    public required int Total { get; init; }
}

internal static class CreatePool
{
    /// <summary>
    /// Registers a public substation's bays or a public line's capacity as a pool. The initial total is recorded in
    /// the ledger as an addition, so the ledger alone replays to the pool's figures.
    /// </summary>
    public static async Task<Results<Created<CapacityPoolResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        CreatePoolRequest request, ClaimsPrincipal user, ApplicationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (name.Length is 0 or > 100)
        {
            errors["name"] = ["名称不能为空，且不超过 100 个字符。"];
        }

        if (!Enum.IsDefined(request.Kind))
        {
            errors["kind"] = ["资源类型应为 substationBay（公用变电站间隔）或 lineCapacity（公用线路容量）。"];
        }

        if (request.Total is < 0 or > CapacityLimits.MaxTotal)
        {
            errors["total"] = [$"总容量应在 0 到 {CapacityLimits.MaxTotal} 之间。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Problems.InvalidTitle);
        }

        if (await db.CapacityPools.AnyAsync(p => p.Name == name, cancellationToken))
        {
            return Conflict("name", $"已有名为“{name}”的公用容量资源。");
        }

        var now = clock.GetUtcNow();
        var by = user.Identity?.Name ?? "unknown";
        var pool = new PublicCapacityPool
        {
            Id = Guid.CreateVersion7(now),
            Name = name,
            Kind = request.Kind,
            Total = request.Total,
            CreatedAt = now,
            CreatedBy = by,
        };
        db.CapacityPools.Add(pool);
        if (pool.Total > 0)
        {
            db.CapacityLedger.Add(new CapacityLedgerEntry
            {
                PoolId = pool.Id,
                Kind = CapacityLedgerKind.Added,
                Amount = pool.Total,
                Reason = "登记公用容量资源",
                By = by,
                At = now,
                TotalAfter = pool.Total,
                AllocatedAfter = 0,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/capacity/pools/{pool.Id}", CapacityPoolResponse.From(pool, waiting: 0));
    }

    /// <summary>A 409 that still names the field, so the form shows the reason beside it.</summary>
    internal static ProblemHttpResult Conflict(string field, string message) => Problems.FieldConflict(field, "与现有记录冲突", message);
}
