using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.BillingFeed;

/// <summary>
/// What a batch needs from the database, read with three set-based queries up front (never one per fact):
/// facts already recorded, the subjects behind the accounts, and the open arrears of the batch's bills.
/// </summary>
internal sealed class BillingBatch
{
    public required HashSet<(string Source, string ExternalId)> Seen { get; init; }
    public required Dictionary<string, Guid> SubjectByAccount { get; init; }

    /// <summary>Open arrears by (source, account, bill evidence); tracked, so resolving one is saved with the batch.</summary>
    public required Dictionary<(string Source, string Account, string Evidence), CreditEvent> OpenArrears { get; init; }

    public HashSet<Guid> TouchedSubjects { get; } = [];

    public static async Task<BillingBatch> LoadAsync(GradingDbContext db, IReadOnlyList<BillingFact> facts, CancellationToken cancellationToken)
    {
        var sources = facts.Select(f => f.Source).Distinct().ToList();
        var externalIds = facts.Select(f => f.ExternalId).Distinct().ToList();
        var accounts = facts.Select(f => f.AccountNumber).Distinct().ToList();
        var evidences = facts.Select(f => LatePayment.BillEvidence(f.BillId)).Distinct().ToList();

        var recorded = await db.CreditEvents.AsNoTracking()
            .Where(e => e.ExternalId != null && externalIds.Contains(e.ExternalId) && sources.Contains(e.Source))
            .Select(e => new { e.Source, e.ExternalId })
            .ToListAsync(cancellationToken);
        var subjectByAccount = await db.PowerAccounts.AsNoTracking()
            .Where(a => accounts.Contains(a.Number))
            .ToDictionaryAsync(a => a.Number, a => a.SubjectId, cancellationToken);
        var openArrears = await db.CreditEvents
            .Where(e => e.EventType == LatePayment.ArrearsOutstanding && e.ResolvedAt == null
                && (e.Status == CreditEventStatus.InForce || e.Status == CreditEventStatus.UnderObjection)
                && e.AccountNumber != null && accounts.Contains(e.AccountNumber)
                && e.Evidence != null && evidences.Contains(e.Evidence)
                && sources.Contains(e.Source))
            .ToListAsync(cancellationToken);

        return new BillingBatch
        {
            Seen = [.. recorded.Select(r => (r.Source, r.ExternalId!))],
            SubjectByAccount = subjectByAccount,
            OpenArrears = openArrears
                .GroupBy(e => (e.Source, e.AccountNumber!, e.Evidence!))
                .ToDictionary(g => g.Key, g => g.First()),
        };
    }
}
