using System.Security.Claims;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.RuleSets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreditPower.Grading.Features.Archive;

internal static class GetFullRecord
{
    public const string AuditAction = "view-full-record";

    /// <summary>
    /// The archive unmasked. Every opening is written to the audit log before the record is answered
    /// (DOMAIN.md §2): if the entry cannot be stored, nothing is shown.
    /// </summary>
    public static async Task<Results<Ok<ArchiveResponse>, NotFound>> Handle(
        Guid id, ClaimsPrincipal user, GradingDbContext db, ActiveRuleSet activeRules, RuleSetVersions versions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var archive = await ArchiveReader.ReadAsync(db, activeRules, versions, id, masked: false, now, cancellationToken);
        if (archive is null)
        {
            return TypedResults.NotFound();
        }

        db.AuditLog.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(),
            Actor = user.Identity?.Name ?? "unknown",
            Action = AuditAction,
            SubjectId = id,
            At = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(archive);
    }
}
