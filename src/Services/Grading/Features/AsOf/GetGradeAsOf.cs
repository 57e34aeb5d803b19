using System.Globalization;
using CreditPower.Contracts;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.RuleSets;
using CreditPower.ServiceDefaults.Api;
using CreditPower.ServiceDefaults.Dates;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.AsOf;

public sealed record RecomputedGrade(CreditColour Colour, int Score, string RuleVersion, int EventsCounted, IReadOnlyList<GradeReason> Reasons);

public sealed record StoredGrade(CreditColour Colour, int Score, string RuleVersion, DateTimeOffset EffectiveAt, string Cause, Guid? RunId, IReadOnlyList<GradeReason> Reasons);

/// <summary>
/// A past grade recomputed beside the one stored then. <c>Agrees</c>: the colour and score are equal; <c>Notes</c>: what
/// the recomputation had to assume, in Chinese, for the staff member reading it.
/// </summary>
public sealed record GradeAsOfResponse(
    Guid SubjectId, DateTimeOffset At, RecomputedGrade Recomputed, StoredGrade? Stored, bool Agrees, IReadOnlyList<string> Notes);

internal static class GetGradeAsOf
{
    /// <summary>
    /// "The grade of X as of D": recomputed from the ledger as it stood at D under the rule version active at D,
    /// beside the grade stored at D, and whether the two agree.
    /// </summary>
    public static async Task<Results<Ok<GradeAsOfResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid subjectId, string? at, GradingDbContext db, RuleSetVersions versions, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var asOf))
        {
            return Invalid("请提供查询时间 at，格式如 2026-05-01T00:00:00Z（ISO 8601）。");
        }

        if (asOf > clock.GetUtcNow())
        {
            return Invalid("查询时间不能晚于当前时间。");
        }

        var subject = await db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subjectId, cancellationToken);
        if (subject is null)
        {
            return TypedResults.NotFound();
        }

        if (asOf < subject.CreatedAt)
        {
            return TypedResults.Problem(
                title: "该时间点尚无信用评价",
                detail: $"该信用主体于 {ChinaDates.NumericWithTime(subject.CreatedAt)} 登记，此前没有信用评价。",
                statusCode: StatusCodes.Status404NotFound);
        }

        var history = await db.Grades.AsNoTracking()
            .Where(g => g.SubjectId == subjectId && g.EffectiveAt <= asOf)
            .OrderBy(g => g.EffectiveAt)
            .ToListAsync(cancellationToken);
        var stored = history.LastOrDefault();
        var before = history.Count > 1 ? history[..^1] : [];
        var previous = before.LastOrDefault();

        // Movement needs what the grader knew when it wrote the stored grade: the colour before it, and whether it
        // could upgrade (it did upgrade, so it could: only the monthly evaluation or a repair may).
        var context = new GradeContext(
            subject.CreatedAt,
            previous?.Colour,
            before.Where(g => g.Colour >= CreditColour.Red).Select(g => (DateTimeOffset?)g.EffectiveAt).Max(),
            UpgradeAllowed: previous is not null && stored is not null && stored.Colour < previous.Colour);

        var (rules, notes) = await RulesAtAsync(db, asOf, cancellationToken);
        var events = await LedgerAsOf.LoadAsync(db, subjectId, asOf, cancellationToken);
        var result = CreditScoring.Evaluate(events.Select(e => e.Scored), rules, context, asOf);
        if (stored is not null && stored.RuleVersion != rules.Version)
        {
            notes.Add($"当时保存的评价由版本“{stored.RuleVersion}”得出，此后新版本“{rules.Version}”已生效，重新计算按新版本进行。");
        }

        if (stored is not null && stored.EffectiveAt < asOf)
        {
            notes.Add("重新计算以查询时间为准；若其间有信用事件到期而尚未重新评价，结果可能与当时保存的评价不同。");
        }

        notes.Add("按事件的登记、审批、异议和修复时间还原当时的台账；非因异议撤销的事件没有撤销时间，按从未计入处理。");
        return TypedResults.Ok(new GradeAsOfResponse(
            subjectId,
            asOf,
            new RecomputedGrade(result.Colour, result.Score, rules.Version, events.Count, result.Reasons),
            stored is null ? null : new StoredGrade(stored.Colour, stored.Score, stored.RuleVersion, stored.EffectiveAt, stored.Cause, stored.RunId, await versions.DescribeAsync(db, stored, cancellationToken)),
            stored is not null && stored.Colour == result.Colour && stored.Score == result.Score,
            notes));
    }

    /// <summary>The version active at <paramref name="at"/>: the last one activated at or before it.</summary>
    private static async Task<(RuleSet Rules, List<string> Notes)> RulesAtAsync(GradingDbContext db, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var version = await db.RuleSets.AsNoTracking()
            .Where(v => v.ActivatedAt != null && v.ActivatedAt <= at)
            .OrderByDescending(v => v.ActivatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (version is not null)
        {
            return (version.ToRuleSet(), []);
        }

        return (DefaultRuleSet.Instance, [$"查询时间早于任何规则版本的生效时间，按默认版本“{DefaultRuleSet.Version}”计算。"]);
    }

    private static ValidationProblem Invalid(string reason) =>
        Problems.Field("at", reason);
}
