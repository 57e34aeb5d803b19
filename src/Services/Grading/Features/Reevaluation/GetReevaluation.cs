using CreditPower.Grading.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Reevaluation;

internal static class GetReevaluation
{
    /// <summary>A run and its progress (done / total).</summary>
    public static async Task<Results<Ok<ReevaluationRunResponse>, NotFound>> Handle(Guid id, GradingDbContext db, CancellationToken cancellationToken)
    {
        var run = await db.ReevaluationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return run is null ? TypedResults.NotFound() : TypedResults.Ok(ReevaluationRunResponse.From(run));
    }
}

internal static class ListReevaluations
{
    private const int Latest = 50;

    /// <summary>The latest runs, newest first.</summary>
    public static async Task<Ok<List<ReevaluationRunResponse>>> Handle(GradingDbContext db, CancellationToken cancellationToken)
    {
        var runs = await db.ReevaluationRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(Latest).ToListAsync(cancellationToken);
        return TypedResults.Ok(runs.Select(ReevaluationRunResponse.From).ToList());
    }
}
