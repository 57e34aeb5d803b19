using CreditPower.Grading.Data;
using CreditPower.Grading.Features.RuleSets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreditPower.Grading.Features.Archive;

internal static class GetArchive
{
    /// <summary>The archive page's data with ID numbers and mobiles masked; open to all staff, not audit-logged.</summary>
    public static async Task<Results<Ok<ArchiveResponse>, NotFound>> Handle(
        Guid id, GradingDbContext db, ActiveRuleSet activeRules, RuleSetVersions versions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var archive = await ArchiveReader.ReadAsync(db, activeRules, versions, id, masked: true, clock.GetUtcNow(), cancellationToken);
        return archive is null ? TypedResults.NotFound() : TypedResults.Ok(archive);
    }
}
