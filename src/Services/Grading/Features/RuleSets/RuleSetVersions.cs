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
    private readonly ConcurrentDictionary<string, ReasonTexts> _texts = new(StringComparer.Ordinal);

    public async ValueTask<ReasonTexts> TextsAsync(GradingDbContext db, string version, CancellationToken cancellationToken)
    {
        if (_texts.TryGetValue(version, out var known))
        {
            return known;
        }

        var stored = await db.RuleSets.AsNoTracking().FirstOrDefaultAsync(v => v.Version == version, cancellationToken);
        if (stored is null)
        {
            return version == DefaultRuleSet.Version ? ReasonTexts.For(DefaultRuleSet.Instance) : ReasonTexts.Fixed;
        }

        var texts = ReasonTexts.For(stored.ToRuleSet());
        if (stored.Status is not (RuleSetStatus.Draft or RuleSetStatus.Rejected))
        {
            _texts[version] = texts;
        }

        return texts;
    }

    /// <summary>The reasons of <paramref name="grade"/> in the words of the version that produced it.</summary>
    public async ValueTask<List<Contracts.GradeReason>> DescribeAsync(GradingDbContext db, GradeRecord grade, CancellationToken cancellationToken) =>
        grade.Reasons.Describe(await TextsAsync(db, grade.RuleVersion, cancellationToken));
}
