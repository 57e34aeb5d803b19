using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreditPower.Grading.Features.Repairs;

internal static class ListRepairs
{
    private const int MaxListed = 500;

    /// <summary>The repair queue, newest first, optionally of one status.</summary>
    public static async Task<Results<Ok<List<RepairResponse>>, ValidationProblem>> Handle(
        string? status, GradingDbContext db, CancellationToken cancellationToken)
    {
        var repairs = db.Repairs.AsQueryable();
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<RepairStatus>(status, ignoreCase: true, out var wanted) || !Enum.IsDefined(wanted) || int.TryParse(status, out _))
            {
                return Problems.Field("status", "状态应为 pending、approved 或 rejected。");
            }

            repairs = repairs.Where(r => r.Status == wanted);
        }

        return TypedResults.Ok(await RepairResponse.ReadAsync(db, repairs.OrderByDescending(r => r.RequestedAt).Take(MaxListed), cancellationToken));
    }
}
