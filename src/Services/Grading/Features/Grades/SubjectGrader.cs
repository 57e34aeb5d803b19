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
        var now = clock.GetUtcNow();
        var stored = await db.CreditEvents
            .Where(e => e.SubjectId == subject.Id && e.Status == CreditEventStatus.InForce)
            .Select(e => new ScoredEvent(e.EventType, e.OccurredAt, e.ExpiresAt))
            .ToListAsync(cancellationToken);
        var pending = db.ChangeTracker.Entries<CreditEvent>()
            .Where(e => e.State == EntityState.Added && e.Entity.SubjectId == subject.Id)
            .Select(e => e.Entity.ToScored());

        var rules = await activeRules.GetAsync(cancellationToken);
        var context = new GradeContext(subject.CreatedAt, previous, subject.LastRedOrBlackAt, upgradeAllowed);
        var result = CreditScoring.Evaluate(stored.Concat(pending), rules, context, now);

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

        db.Grades.Add(new GradeRecord
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subject.Id,
            Colour = result.Colour,
            Score = result.Score,
            RuleVersion = rules.Version,
            Reasons = [.. result.Reasons],
            EffectiveAt = now,
            Cause = cause,
        });

        if (changed)
        {
            db.AddToOutbox(new CreditGradeChanged
            {
                SubjectId = subject.Id,
                SubjectKind = subject.Kind,
                Identifier = subject.Identifier,
                Name = subject.Name,
                Accounts = [.. subject.Accounts.Select(a => a.Number)],
                OldColour = previous,
                NewColour = result.Colour,
                Score = result.Score,
                Reasons = result.Reasons,
                RuleVersion = rules.Version,
                EffectiveAt = now,
            }, clock);
        }

        return result;
    }
}
