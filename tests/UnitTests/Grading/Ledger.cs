using CreditPower.Contracts;
using CreditPower.Grading.Domain;
using Xunit;

namespace CreditPower.UnitTests.Grading;

/// <summary>Builds events and contexts for the default rule set around one fixed evaluation time.</summary>
internal static class Ledger
{
    public static readonly DateTimeOffset AsOf = new(2026, 3, 15, 10, 0, 0, TimeSpan.FromHours(8));

    public static RuleSet Rules => DefaultRuleSet.Instance;

    /// <summary>An event as the ledger stores it: expiry taken from the rule set.</summary>
    public static ScoredEvent Event(string type, DateTimeOffset occurredAt) =>
        new(type, occurredAt, Rules.Find(type)?.ExpiresAt(occurredAt));

    /// <summary>Events that occurred ten days before <see cref="AsOf"/>.</summary>
    public static ScoredEvent[] Recent(params string[] types) =>
        [.. types.Select(type => Event(type, AsOf.AddDays(-10)))];

    /// <summary>A subject with three years of history and no red or black on record.</summary>
    public static GradeContext Established(CreditColour? previous, bool upgradeAllowed = false) =>
        new(AsOf.AddYears(-3), previous, null, upgradeAllowed);

    /// <summary>Previous colour green: whatever is computed takes effect at once, so it shows the colour rules alone.</summary>
    public static GradeContext WasGreen => Established(CreditColour.Green);

    public static GradeResult Evaluate(IEnumerable<ScoredEvent> events, GradeContext context) =>
        CreditScoring.Evaluate(events, Rules, context, AsOf);

    public static GradeResult Evaluate(IEnumerable<ScoredEvent> events, GradeContext context, DateTimeOffset asOf) =>
        CreditScoring.Evaluate(events, Rules, context, asOf);

    public static bool Has(this GradeResult result, string code) =>
        result.Reasons.Any(reason => reason.Code == code);

    public static GradeReason Reason(this GradeResult result, string code) =>
        Assert.Single(result.Reasons, reason => reason.Code == code);
}
