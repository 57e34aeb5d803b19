using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.BillingFeed;

/// <summary>
/// What a batch needs from the database, read with two set-based queries up front (never one per fact): the subjects
/// behind the batch's accounts, with their accounts; and, in one query, the events those subjects have in force, the
/// facts already recorded and the open arrears of the batch's bills. Everything is tracked, so a batch is saved and
/// its subjects re-graded from memory with one <c>SaveChanges</c> (bench/Pipeline: each round trip of a batch was
/// about a millisecond of every fact's latency at 500 facts a second).
/// </summary>
internal sealed class BillingBatch
{
    public required HashSet<(string Source, string ExternalId)> Seen { get; init; }
    public required Dictionary<string, Subject> SubjectByAccount { get; init; }

    /// <summary>Open arrears by (source, account, bill evidence); tracked, so resolving one is saved with the batch.</summary>
    public required Dictionary<(string Source, string Account, string Evidence), CreditEvent> OpenArrears { get; init; }

    public HashSet<Subject> TouchedSubjects { get; } = [];

    /// <summary>Every event of the batch's subjects that was in force when read, and every event the batch adds.</summary>
    private List<CreditEvent> Ledger { get; init; } = [];

    public static async Task<BillingBatch> LoadAsync(GradingDbContext db, IReadOnlyList<BillingFact> facts, CancellationToken cancellationToken)
    {
        var sources = facts.Select(f => f.Source).Distinct().ToList();
        var externalIds = facts.Select(f => f.ExternalId).Distinct().ToList();
        var accounts = facts.Select(f => f.AccountNumber).Distinct().ToList();
        var evidences = facts.Select(f => LatePayment.BillEvidence(f.BillId)).Distinct().ToList();

        var subjects = await db.Subjects.Include(s => s.Accounts)
            .Where(s => s.Accounts.Any(a => accounts.Contains(a.Number)))
            .ToListAsync(cancellationToken);
        var subjectIds = subjects.Select(s => s.Id).ToHashSet();
        var events = await db.CreditEvents
            .Where(e => (subjectIds.Contains(e.SubjectId) && e.Status == CreditEventStatus.InForce)
                || (e.ExternalId != null && externalIds.Contains(e.ExternalId) && sources.Contains(e.Source))
                || (e.EventType == LatePayment.ArrearsOutstanding && e.ResolvedAt == null
                    && (e.Status == CreditEventStatus.InForce || e.Status == CreditEventStatus.UnderObjection)
                    && e.AccountNumber != null && accounts.Contains(e.AccountNumber)
                    && e.Evidence != null && evidences.Contains(e.Evidence)
                    && sources.Contains(e.Source)))
            .ToListAsync(cancellationToken);

        // Looked up by exact key only, so the maps may hold more than the batch asks for (the subjects' other facts and
        // open bills): whatever a fact of the batch looks up, the query above has read.
        return new BillingBatch
        {
            Seen = [.. events.Where(e => e.ExternalId != null).Select(e => (e.Source, e.ExternalId!))],
            SubjectByAccount = subjects
                .SelectMany(s => s.Accounts.Select(a => (a.Number, Subject: s)))
                .ToDictionary(a => a.Number, a => a.Subject, StringComparer.Ordinal),
            OpenArrears = events
                .Where(e => e.EventType == LatePayment.ArrearsOutstanding && e.ResolvedAt == null
                    && (e.Status is CreditEventStatus.InForce or CreditEventStatus.UnderObjection)
                    && e.AccountNumber != null && e.Evidence != null)
                .GroupBy(e => (e.Source, e.AccountNumber!, e.Evidence!))
                .ToDictionary(g => g.Key, g => g.First()),
            Ledger = [.. events.Where(e => e.Status == CreditEventStatus.InForce && subjectIds.Contains(e.SubjectId))],
        };
    }

    /// <summary>An event the batch records, counted when its subject is re-graded.</summary>
    public void Add(CreditEvent creditEvent) => Ledger.Add(creditEvent);

    /// <summary>
    /// Each touched subject with the events it has in force now: those read, as the batch left them (a paid bill's
    /// arrears no longer counts), and those the batch added.
    /// </summary>
    public IEnumerable<(Subject Subject, List<ScoredEvent> InForce)> TouchedLedgers()
    {
        var inForce = Ledger.Where(e => e.Status == CreditEventStatus.InForce).ToLookup(e => e.SubjectId, e => e.ToScored());
        return TouchedSubjects.Select(subject => (subject, inForce[subject.Id].ToList()));
    }
}
