using CreditPower.Grading.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Archive;

public sealed record AuditEntryResponse(Guid Id, string Actor, string Action, DateTimeOffset At);

internal static class GetAuditLog
{
    private const int MaxListed = 1000;

    /// <summary>Who opened the subject's full record, and when; newest first.</summary>
    public static async Task<Results<Ok<List<AuditEntryResponse>>, NotFound>> Handle(Guid id, GradingDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Subjects.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var entries = await db.AuditLog.AsNoTracking()
            .Where(e => e.SubjectId == id)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(MaxListed)
            .Select(e => new AuditEntryResponse(e.Id, e.Actor, e.Action, e.At))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(entries);
    }
}
