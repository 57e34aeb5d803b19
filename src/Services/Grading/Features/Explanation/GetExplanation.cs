using CreditPower.Contracts;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.AsOf;
using CreditPower.Grading.Features.RuleSets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Explanation;

/// <summary>The latest grade with every reason and its points (staff view) and the same in plain Chinese for the customer.</summary>
public sealed record ExplanationResponse(
    Guid SubjectId,
    CreditColour Colour,
    string ColourName,
    int Score,
    string RuleVersion,
    DateTimeOffset EffectiveAt,
    IReadOnlyList<ExplainedReason> Reasons,
    string CustomerSummary);

internal static class GetExplanation
{
    /// <summary>The latest grade explained: each reason with its points and event dates, and the customer's summary.</summary>
    public static async Task<Results<Ok<ExplanationResponse>, NotFound>> Handle(
        Guid subjectId, GradingDbContext db, RuleSetVersions versions, CancellationToken cancellationToken)
    {
        var grade = await db.Grades.AsNoTracking()
            .Where(g => g.SubjectId == subjectId)
            .OrderByDescending(g => g.EffectiveAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (grade is null)
        {
            return TypedResults.NotFound();
        }

        var rules = await versions.RulesAsync(db, grade.RuleVersion, cancellationToken) ?? DefaultRuleSet.Instance;

        // The events the grade rests on, as the ledger stood when it was written, in the order the scoring lists them.
        var events = (await LedgerAsOf.LoadAsync(db, subjectId, grade.EffectiveAt, cancellationToken))
            .Where(e => e.Scored.IsInForce(grade.EffectiveAt))
            .GroupBy(e => e.Event.EventType, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Queue<EventAsOf>(g.OrderBy(e => e.Event.OccurredAt)), StringComparer.Ordinal);

        var reasons = (await versions.DescribeAsync(db, grade, cancellationToken)).Select(reason => Explain(reason, rules, events)).ToList();
        return TypedResults.Ok(new ExplanationResponse(
            subjectId,
            grade.Colour,
            StatusLabels.For(grade.Colour),
            grade.Score,
            grade.RuleVersion,
            grade.EffectiveAt,
            reasons,
            CustomerSummary.Write(grade.Colour, grade.Score, reasons, rules)));
    }

    internal static ExplainedReason Explain(GradeReason reason, RuleSet rules, Dictionary<string, Queue<EventAsOf>> events)
    {
        var prefix = reason.Code.Split(':')[0];
        var kind = prefix switch
        {
            "cap" => ReasonKind.Cap,
            "red" => ReasonKind.RedCondition,
            "gate" => ReasonKind.Gate,
            "movement" => ReasonKind.Movement,
            _ when rules.Find(reason.Code) is { IsVeto: true } => ReasonKind.Veto,
            _ when reason.Points > 0 => ReasonKind.Bonus,
            _ => ReasonKind.Deduction,
        };
        if (kind is not (ReasonKind.Deduction or ReasonKind.Veto or ReasonKind.Bonus) || !events.TryGetValue(reason.Code, out var queue) || queue.Count == 0)
        {
            return new ExplainedReason(reason.Code, kind, reason.Points, reason.Description);
        }

        // A bonus type is one reason for all its events; a deduction or veto is one reason per event.
        if (kind == ReasonKind.Bonus)
        {
            var all = queue.ToList();
            queue.Clear();
            var expires = all.Any(e => e.Scored.ExpiresAt is null) ? null : all.Max(e => e.Scored.ExpiresAt);
            return new ExplainedReason(reason.Code, kind, reason.Points, reason.Description, all.Max(e => e.Event.OccurredAt), expires);
        }

        var one = queue.Dequeue();
        return new ExplainedReason(reason.Code, kind, reason.Points, reason.Description, one.Event.OccurredAt, one.Scored.ExpiresAt);
    }
}
