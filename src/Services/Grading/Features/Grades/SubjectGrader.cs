using CreditPower.Contracts;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.RuleSets;
using CreditPower.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Grades;

/// <summary>
/// Re-evaluates one subject inside the caller's unit of work: the new grade, its history entry and,
/// when the colour changes, <see cref="CreditGradeChanged"/> in the outbox all commit together.
/// </summary>
internal sealed class SubjectGrader(GradingDbContext db, ActiveRuleSet activeRules, TimeProvider clock)
{
    public async Task<GradeResult> RegradeAsync(Subject subject, CreditColour? previous, string cause, bool upgradeAllowed, CancellationToken cancellationToken)
    {
        var stored = await db.CreditEvents
            .Where(e => e.SubjectId == subject.Id && e.Status == CreditEventStatus.InForce)
            .Select(e => new ScoredEvent(e.EventType, e.OccurredAt, e.ExpiresAt))
            .ToListAsync(cancellationToken);
        // Once: each enumeration of the change tracker runs DetectChanges over every tracked entity.
        List<ScoredEvent> counted = [.. stored, .. db.ChangeTracker.Entries<CreditEvent>()
            .Where(e => e.State == EntityState.Added && e.Entity.SubjectId == subject.Id)
            .Select(e => e.Entity.ToScored())];
        return await RegradeAsync(subject, previous, cause, upgradeAllowed, counted, cancellationToken);
    }

    /// <summary>
    /// Re-grades each of <paramref name="subjects"/> from its current colour, reading all their events in force with one
    /// query instead of one per subject (the billing feed's batches). The caller has saved its changes first: events
    /// still only in the change tracker are not counted.
    /// </summary>
    public async Task RegradeSavedAsync(IReadOnlyCollection<Subject> subjects, string cause, bool upgradeAllowed, CancellationToken cancellationToken)
    {
        var ids = subjects.Select(s => s.Id).ToList();
        var inForce = (await db.CreditEvents
                .Where(e => ids.Contains(e.SubjectId) && e.Status == CreditEventStatus.InForce)
                .Select(e => new { e.SubjectId, Event = new ScoredEvent(e.EventType, e.OccurredAt, e.ExpiresAt) })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.SubjectId, e => e.Event);
        foreach (var subject in subjects)
        {
            await RegradeAsync(subject, subject.Colour, cause, upgradeAllowed, [.. inForce[subject.Id]], cancellationToken);
        }
    }

    /// <summary>
    /// Re-grades each subject from its current colour with the events the caller knows it has in force, all of them
    /// (the billing feed's batches, which read their subjects' ledgers up front and count what they add). Events under
    /// objection are read from the database only for an upgrade (<see cref="FreezeObjectedAsync"/>), which the billing
    /// feed never allows, so a batch's unsaved changes to them cannot be missed.
    /// </summary>
    public async Task RegradeAsync(IEnumerable<(Subject Subject, List<ScoredEvent> InForce)> ledgers, string cause, bool upgradeAllowed, CancellationToken cancellationToken)
    {
        foreach (var (subject, inForce) in ledgers)
        {
            await RegradeAsync(subject, subject.Colour, cause, upgradeAllowed, inForce, cancellationToken);
        }
    }

    private async Task<GradeResult> RegradeAsync(
        Subject subject, CreditColour? previous, string cause, bool upgradeAllowed, List<ScoredEvent> counted, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rules = await activeRules.GetAsync(cancellationToken);
        var context = new GradeContext(subject.CreatedAt, previous, subject.LastRedOrBlackAt, upgradeAllowed);
        var result = CreditScoring.Evaluate(counted, rules, context, now);
        result = await FreezeObjectedAsync(subject, previous, counted, rules, context, now, result, cancellationToken);

        var changed = previous != result.Colour;
        if (!changed && subject.Score == result.Score)
        {
            return result;
        }

        subject.Score = result.Score;
        subject.Colour = result.Colour;
        subject.RuleVersion = rules.Version;
        subject.GradedAt = now;
        if (result.Colour >= CreditColour.Red)
        {
            subject.LastRedOrBlackAt = now;
        }

        var grade = new GradeRecord
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subject.Id,
            Colour = result.Colour,
            Score = result.Score,
            RuleVersion = rules.Version,
            Reasons = StoredReasons.From(result.Reasons, ReasonTexts.For(rules)),
            EffectiveAt = now,
            Cause = cause,
        };
        db.Grades.Add(grade);
        if (changed)
        {
            db.AddToOutbox(GradeChangedMessage.For(subject, grade, result.Reasons, previous), clock);
        }

        return result;
    }

    // 异议处理中 (DOMAIN.md §10): escalation resting on an event under objection is frozen. The evaluation above leaves
    // such events out, so they cause no further downgrade; but leaving them out must not lift the grade either, so an
    // upgrade goes no further than the one the ledger allows with them still counted, and no further than the
    // current colour when they would push it down. The decision on the objection settles the event, and re-grades.
    private async Task<GradeResult> FreezeObjectedAsync(
        Subject subject, CreditColour? previous, IEnumerable<ScoredEvent> counted, RuleSet rules, GradeContext context,
        DateTimeOffset now, GradeResult result, CancellationToken cancellationToken)
    {
        if (previous is not { } current || result.Colour >= current)
        {
            return result;
        }

        var objected = await db.CreditEvents
            .Where(e => e.SubjectId == subject.Id && e.Status == CreditEventStatus.UnderObjection)
            .Select(e => new ScoredEvent(e.EventType, e.OccurredAt, e.ExpiresAt))
            .ToListAsync(cancellationToken);
        if (objected.Count == 0)
        {
            return result;
        }

        var withObjected = CreditScoring.Evaluate(counted.Concat(objected), rules, context, now);
        return withObjected.Colour <= current
            ? withObjected
            : result with { Colour = current, Reasons = [.. result.Reasons, ReasonTexts.For(rules).Reason(ReasonTexts.ObjectionFrozen, 0)] };
    }
}
