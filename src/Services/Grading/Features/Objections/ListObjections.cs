using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreditPower.Grading.Features.Objections;

internal static class ListObjections
{
    private const int MaxListed = 500;

    /// <summary>The objection queue, newest first, each flagged when its acknowledge or decide deadline has passed.</summary>
    public static async Task<Results<Ok<List<ObjectionResponse>>, ValidationProblem>> Handle(
        string? status, GradingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var objections = db.Objections.AsQueryable();
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<ObjectionStatus>(status, ignoreCase: true, out var wanted) || !Enum.IsDefined(wanted) || int.TryParse(status, out _))
            {
                return Problems.Field("status", "状态应为 submitted、acknowledged、upheld、rejected 或 referredToDrc。");
            }

            objections = objections.Where(o => o.Status == wanted);
        }

        // Newest first, bounded: the queue is worked from its head; older decided objections live in each archive.
        var recent = objections.OrderByDescending(o => o.SubmittedAt).Take(MaxListed);
        return TypedResults.Ok(await ObjectionResponse.ReadAsync(db, recent, clock.GetUtcNow(), cancellationToken));
    }
}
