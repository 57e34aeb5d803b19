using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.Objections;
using CreditPower.Grading.Features.Repairs;
using CreditPower.Grading.Features.RuleSets;
using CreditPower.ServiceDefaults.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Archive;

/// <summary>Reads a subject's whole archive; the archive view and the full record differ only in masking.</summary>
internal static class ArchiveReader
{
    public static async Task<ArchiveResponse?> ReadAsync(
        GradingDbContext db, ActiveRuleSet activeRules, RuleSetVersions versions, Guid subjectId, bool masked, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subject = await db.Subjects.AsNoTracking().Include(s => s.Accounts).FirstOrDefaultAsync(s => s.Id == subjectId, cancellationToken);
        if (subject is null)
        {
            return null;
        }

        var rules = await activeRules.GetAsync(cancellationToken);
        var events = await db.CreditEvents.AsNoTracking()
            .Where(e => e.SubjectId == subjectId)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.RecordedAt)
            .ToListAsync(cancellationToken);
        var grades = await db.Grades.AsNoTracking()
            .Where(g => g.SubjectId == subjectId)
            .OrderByDescending(g => g.EffectiveAt)
            .ToListAsync(cancellationToken);
        var history = new List<ArchiveGrade>(grades.Count);
        foreach (var g in grades)
        {
            history.Add(new ArchiveGrade(g.Colour, StatusLabels.For(g.Colour), g.Score, g.RuleVersion, g.EffectiveAt, await versions.DescribeAsync(db, g, cancellationToken)));
        }

        var objections = await ObjectionResponse.ReadAsync(db, db.Objections.Where(o => o.SubjectId == subjectId), now, cancellationToken);
        var repairs = await RepairResponse.ReadAsync(db, db.Repairs.Where(r => r.SubjectId == subjectId), cancellationToken);

        var identifier = masked ? SubjectIdentifier.Display(subject.Kind, subject.Identifier) : subject.Identifier;
        var mobile = masked && subject.Mobile is { } number ? PersonalData.MaskMobile(number) : subject.Mobile;
        return new ArchiveResponse(
            subject.Id,
            subject.Kind,
            identifier,
            subject.Name,
            subject.LegalRepresentative,
            new ArchiveContacts(mobile, subject.Address),
            [.. subject.Accounts.Select(a => a.Number).Order(StringComparer.Ordinal)],
            new ArchiveGrade(subject.Colour, StatusLabels.For(subject.Colour), subject.Score, subject.RuleVersion, subject.GradedAt,
                history.FirstOrDefault()?.Reasons ?? []),
            subject.CreatedAt,
            [.. events.Select(e => new ArchiveEvent(
                e.Id, e.EventType, rules.Find(e.EventType)?.Name ?? DefaultRuleSet.Instance.Find(e.EventType)?.Name ?? e.EventType,
                e.Points, e.OccurredAt, e.RecordedAt, e.ExpiresAt, e.Source, e.AccountNumber, e.Evidence, e.Status, StatusLabels.For(e.Status),
                e.RecordedBy, e.ApprovedBy, e.ApprovedAt, e.RuleVersion))],
            history,
            objections,
            repairs,
            masked);
    }
}
