using System.Collections.Concurrent;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.RuleSets;

/// <summary>
/// The words of each rule-set version's reasons, for reading grades back: the history keeps each reason's code and
/// points (<see cref="StoredReasons"/>). A version that can grade (approved, active, superseded) never changes, so its
/// words are read once per process.
/// </summary>
internal sealed class RuleSetVersions
{
    private readonly ConcurrentDictionary<string, RuleSet> _rules = new(StringComparer.Ordinal);

    /// <summary>The rule set of <paramref name="version"/>; null for a version this database does not hold.</summary>
    public async ValueTask<RuleSet?> RulesAsync(GradingDbContext db, string version, CancellationToken cancellationToken)
    {
        if (_rules.TryGetValue(version, out var known))
        {
            return known;
        }

        var stored = await db.RuleSets.AsNoTracking().FirstOrDefaultAsync(v => v.Version == version, cancellationToken);
        if (stored is null)
        {
            return version == DefaultRuleSet.Version ? DefaultRuleSet.Instance : null;
        }

        var rules = stored.ToRuleSet();
        if (stored.Status is not (RuleSetStatus.Draft or RuleSetStatus.Rejected))
        {
            _rules[version] = rules;
        }

        return rules;
    }

    public async ValueTask<ReasonTexts> TextsAsync(GradingDbContext db, string version, CancellationToken cancellationToken) =>
        await RulesAsync(db, version, cancellationToken) is { } rules ? ReasonTexts.For(rules) : ReasonTexts.Fixed;

    /// <summary>The reasons of <paramref name="grade"/> in the words of the version that produced it.</summary>
    public async ValueTask<List<Contracts.GradeReason>> DescribeAsync(GradingDbContext db, GradeRecord grade, CancellationToken cancellationToken) =>
        grade.Reasons.Describe(await TextsAsync(db, grade.RuleVersion, cancellationToken));
}
