using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.AsOf;

/// <summary>An event of the ledger as it stood at a past time.</summary>
internal sealed record EventAsOf(CreditEvent Event, ScoredEvent Scored);

/// <summary>
/// Rebuilds a subject's ledger as it stood at a past time from the facts' own timestamps, so a past grade can be
/// recomputed. An event counts at <c>at</c> when it was recorded by then, approved by then (manual events), not
/// under a pending objection then, not yet revoked by an upheld objection, and not yet repaired.
/// Approximations, because the ledger keeps no full status history:
/// <list type="bullet">
/// <item>an event revoked other than by an upheld objection has no revocation time, so it is treated as never counted;</item>
/// <item>a repaired event stops counting at the decision of the subject's first approved repair after it was recorded;</item>
/// <item>an "until ended" event whose cause was cured after <c>at</c> (<see cref="CreditEvent.ResolvedAt"/>) is taken as still open then.</item>
/// </list>
/// </summary>
internal static class LedgerAsOf
{
    public static async Task<List<EventAsOf>> LoadAsync(GradingDbContext db, Guid subjectId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var events = await db.CreditEvents.AsNoTracking()
            .Where(e => e.SubjectId == subjectId && e.RecordedAt <= at)
            .Where(e => e.Status != CreditEventStatus.PendingApproval && e.Status != CreditEventStatus.Rejected)
            .Where(e => e.ApprovedAt == null || e.ApprovedAt <= at)
            .OrderBy(e => e.OccurredAt)
            .ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return [];
        }

        var objections = await db.Objections.AsNoTracking()
            .Where(o => o.SubjectId == subjectId && o.CreditEventId != null)
            .Select(o => new { EventId = o.CreditEventId!.Value, o.Status, o.SubmittedAt, o.DecidedAt })
            .ToListAsync(cancellationToken);
        var repairs = await db.Repairs.AsNoTracking()
            .Where(r => r.SubjectId == subjectId && r.Status == RepairStatus.Approved && r.DecidedAt != null)
            .Select(r => r.DecidedAt!.Value)
            .ToListAsync(cancellationToken);

        var counted = new List<EventAsOf>();
        foreach (var e in events)
        {
            var onIt = objections.Where(o => o.EventId == e.Id).ToList();
            if (onIt.Any(o => o.SubmittedAt <= at && (o.DecidedAt is null || o.DecidedAt > at)))
            {
                continue;
            }

            var revokedBy = onIt.Where(o => o.Status == ObjectionStatus.Upheld).Select(o => o.DecidedAt).Min();
            if (e.Status == CreditEventStatus.Revoked && (revokedBy is null || revokedBy <= at))
            {
                continue;
            }

            if (e.Status == CreditEventStatus.Repaired && repairs.Where(d => d >= e.RecordedAt).Order().FirstOrDefault() is var repairedAt
                && (repairedAt == default || repairedAt <= at))
            {
                continue;
            }

            var expiresAt = e.ResolvedAt is { } resolved && resolved > at ? null : e.ExpiresAt;
            counted.Add(new EventAsOf(e, new ScoredEvent(e.EventType, e.OccurredAt, expiresAt)));
        }

        return counted;
    }
}
