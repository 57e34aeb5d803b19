using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.RuleSets;
using CreditPower.ServiceDefaults.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Events;

/// <summary>One entry of the approvals queue; a natural person's ID number comes masked.</summary>
public sealed record PendingEventResponse(
    Guid EventId, Guid SubjectId, string SubjectName, string Identifier, string EventType, string EventTypeName, int Points,
    DateTimeOffset OccurredAt, string? Evidence, string RecordedBy, DateTimeOffset RecordedAt);

internal static class PendingEvents
{
    private const int PageSize = 200;

    /// <summary>The approvals queue (四眼审批): manual events waiting for a second officer, oldest first.</summary>
    public static async Task<Ok<List<PendingEventResponse>>> Handle(GradingDbContext db, ActiveRuleSet activeRules, CancellationToken cancellationToken)
    {
        var rows = await db.CreditEvents.AsNoTracking()
            .Where(e => e.Status == CreditEventStatus.PendingApproval)
            .OrderBy(e => e.RecordedAt).ThenBy(e => e.Id)
            .Take(PageSize)
            .Join(db.Subjects, e => e.SubjectId, s => s.Id, (e, s) => new
            {
                e.Id, e.SubjectId, s.Name, s.Kind, s.Identifier, e.EventType, e.Points, e.OccurredAt, e.Evidence, e.RecordedBy, e.RecordedAt,
            })
            .ToListAsync(cancellationToken);
        var rules = await activeRules.GetAsync(cancellationToken);

        return TypedResults.Ok(rows.Select(r => new PendingEventResponse(
            r.Id, r.SubjectId, r.Name, SubjectIdentifier.Display(r.Kind, r.Identifier), r.EventType,
            rules.Find(r.EventType)?.Name ?? r.EventType, r.Points, r.OccurredAt, r.Evidence, r.RecordedBy, r.RecordedAt)).ToList());
    }
}
