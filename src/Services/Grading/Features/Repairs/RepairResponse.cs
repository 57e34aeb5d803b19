using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Repairs;

/// <summary>A repair application as the queue and the archive show it; the subject's ID number masked.</summary>
public sealed record RepairResponse(
    Guid Id,
    Guid SubjectId,
    string SubjectName,
    string SubjectIdentifier,
    string Reason,
    RepairStatus Status,
    string StatusLabel,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionNote)
{
    /// <summary>Reads <paramref name="repairs"/> with their subjects, newest first.</summary>
    internal static async Task<List<RepairResponse>> ReadAsync(GradingDbContext db, IQueryable<RepairRequest> repairs, CancellationToken cancellationToken)
    {
        var rows = await (
            from r in repairs.AsNoTracking()
            join s in db.Subjects on r.SubjectId equals s.Id
            orderby r.RequestedAt descending
            select new { Repair = r, s.Kind, s.Identifier, s.Name })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => From(r.Repair, r.Name, ServiceDefaults.Subjects.SubjectIdentifier.Display(r.Kind, r.Identifier)))];
    }

    internal static RepairResponse From(RepairRequest r, string subjectName, string maskedIdentifier) => new(
        r.Id, r.SubjectId, subjectName, maskedIdentifier, r.Reason, r.Status, StatusLabels.For(r.Status), r.RequestedBy, r.RequestedAt,
        r.DecidedBy, r.DecidedAt, r.DecisionNote);
}
