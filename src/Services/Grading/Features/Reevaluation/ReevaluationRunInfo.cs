using CreditPower.Grading.Domain;

namespace CreditPower.Grading.Features.Reevaluation;

/// <summary>What the bulk path needs of a run: which rules, as of when, and whether it may upgrade.</summary>
internal sealed record ReevaluationRunInfo(Guid Id, ReevaluationKind Kind, string RuleVersion, DateTimeOffset AsOf)
{
    // Both kinds are evaluations in the sense of DOMAIN.md §4, so both may upgrade, and by one colour only: a
    // new rule set says nothing new about the customer's conduct, and letting an activation lift a subject from
    // black to green in one step would bypass "at most one colour per evaluation" that the monthly run keeps.
    // Downgrades take effect at once in both.
    public bool UpgradeAllowed => Kind is ReevaluationKind.Monthly or ReevaluationKind.Activation;

    /// <summary>The cause its grades give; the run's id goes with each in <see cref="GradeRecord.RunId"/>.</summary>
    public string Cause => Kind == ReevaluationKind.Monthly ? "monthly re-evaluation" : "rule set activated";
}
