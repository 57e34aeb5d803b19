using CreditPower.Grading.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.RuleSets;

internal static class GetRuleSet
{
    /// <summary>One version with its full definition: event types, caps and colour thresholds.</summary>
    public static async Task<Results<Ok<RuleSetResponse>, NotFound>> Handle(string version, GradingDbContext db, CancellationToken cancellationToken)
    {
        var found = await db.RuleSets.AsNoTracking().FirstOrDefaultAsync(v => v.Version == version, cancellationToken);
        return found is null ? TypedResults.NotFound() : TypedResults.Ok(RuleSetResponse.From(found));
    }
}
