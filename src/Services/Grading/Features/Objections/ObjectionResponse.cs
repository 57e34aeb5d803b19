using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Objections;

/// <summary>An objection as the queue and the archive show it; the subject's ID number masked.</summary>
public sealed record ObjectionResponse(
    Guid Id,
    Guid SubjectId,
    string SubjectName,
    string SubjectIdentifier,
    Guid? CreditEventId,
    string? EventType,
    string Reason,
    ObjectionStatus Status,
    string StatusLabel,
    string SubmittedBy,
    DateTimeOffset SubmittedAt,
    DateTimeOffset AcknowledgeBy,
    DateTimeOffset DecideBy,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionNote,
    bool AcknowledgeOverdue,
    bool DecisionOverdue)
{
    /// <summary>Reads <paramref name="objections"/> with their subjects and events, newest first.</summary>
    internal static async Task<List<ObjectionResponse>> ReadAsync(
        GradingDbContext db, IQueryable<Objection> objections, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await (
            from o in objections.AsNoTracking()
            join s in db.Subjects on o.SubjectId equals s.Id
            join e in db.CreditEvents on o.CreditEventId equals e.Id into events
            from e in events.DefaultIfEmpty()
            orderby o.SubmittedAt descending
            select new { Objection = o, s.Kind, s.Identifier, s.Name, EventType = e == null ? null : e.EventType })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => From(r.Objection, r.Name, ServiceDefaults.Subjects.SubjectIdentifier.Display(r.Kind, r.Identifier), r.EventType, now))];
    }

    internal static ObjectionResponse From(Objection o, string subjectName, string maskedIdentifier, string? eventType, DateTimeOffset now) => new(
        o.Id,
        o.SubjectId,
        subjectName,
        maskedIdentifier,
        o.CreditEventId,
        eventType,
        o.Reason,
        o.Status,
        StatusLabels.For(o.Status),
        o.SubmittedBy,
        o.SubmittedAt,
        o.AcknowledgeBy,
        o.DecideBy,
        o.AcknowledgedBy,
        o.AcknowledgedAt,
        o.DecidedBy,
        o.DecidedAt,
        o.DecisionNote,
        AcknowledgeOverdue: o.Status == ObjectionStatus.Submitted && now > o.AcknowledgeBy,
        DecisionOverdue: (o.Status is ObjectionStatus.Submitted or ObjectionStatus.Acknowledged) && now > o.DecideBy);
}
