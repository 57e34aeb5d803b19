using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.Events;
using CreditPower.Grading.Features.Grades;
using CreditPower.Grading.Features.RuleSets;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Commitments;

/// <summary>
/// Turns a verified commitment from Applications into a credit event in force (DOMAIN.md §7): broken is the veto
/// <c>commitment-broken</c>, kept the bonus <c>commitment-kept</c>. Idempotent twice over: the consumer's inbox, and
/// the ledger's (source, external id) key, so a commitment is counted once however often it is announced.
/// </summary>
internal sealed class CommitmentEvent(GradingDbContext db, SubjectGrader grader, GradeCache cache, ActiveRuleSet activeRules, TimeProvider clock)
{
    public const string Source = "applications";

    public async Task RecordAsync(Guid subjectId, string identifier, string eventType, string externalId, DateTimeOffset occurredAt, string evidence, string verifiedBy, CancellationToken cancellationToken)
    {
        if (await db.CreditEvents.AnyAsync(e => e.Source == Source && e.ExternalId == externalId, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        // An unknown subject or event type is a fault to look at, not to drop: retried, then parked in the _error queue.
        var subject = await db.Subjects.Include(s => s.Accounts)
            .FirstOrDefaultAsync(s => s.Id == subjectId || s.Identifier == identifier, cancellationToken)
            ?? throw new InvalidOperationException($"Commitment {externalId} names subject {subjectId}, which Grading does not know.");
        var rules = await activeRules.GetAsync(cancellationToken);
        var rule = rules.Find(eventType)
            ?? throw new InvalidOperationException($"The active rule set {rules.Version} has no event type '{eventType}'.");

        var now = clock.GetUtcNow();
        var creditEvent = new CreditEvent
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subject.Id,
            EventType = rule.Code,
            Points = rule.Points,
            OccurredAt = occurredAt.ToUniversalTime(),
            RecordedAt = now,
            ExpiresAt = rule.ExpiresAt(occurredAt.ToUniversalTime()),
            Source = Source,
            ExternalId = externalId,
            Evidence = evidence.Length > 500 ? evidence[..500] : evidence,
            RecordedBy = verifiedBy.Length > 100 ? verifiedBy[..100] : verifiedBy,
            RuleVersion = rules.Version,
            Status = EventLedger.StatusOnEntry(rule.ExpiresAt(occurredAt.ToUniversalTime()), now),
        };
        db.CreditEvents.Add(creditEvent);
        EventLedger.AnnounceInForce(db, creditEvent, clock);
        await grader.RegradeAsync(subject, subject.Colour, cause: $"commitment {externalId}", upgradeAllowed: false, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidateAsync(subject);
    }
}
