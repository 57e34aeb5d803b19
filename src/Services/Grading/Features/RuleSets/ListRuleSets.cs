using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.RuleSets;

internal static class ListRuleSets
{
    /// <summary>Every version, the active one first, then the newest drafts.</summary>
    public static async Task<Ok<List<RuleSetSummary>>> Handle(GradingDbContext db, CancellationToken cancellationToken)
    {
        var versions = await db.RuleSets.AsNoTracking()
            .OrderBy(v => v.Status == RuleSetStatus.Active ? 0 : 1)
            .ThenByDescending(v => v.DraftedAt)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(versions.Select(RuleSetSummary.From).ToList());
    }
}
