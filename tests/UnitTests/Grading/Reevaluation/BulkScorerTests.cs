using System.Buffers;
using System.Text.Json;
using CreditPower.Contracts;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.Reevaluation;
using Xunit;

namespace CreditPower.UnitTests.Grading.Reevaluation;

/// <summary>The array scorer of the bulk path must give exactly what the pure core gives, ledger for ledger.</summary>
public sealed class BulkScorerTests
{
    private static readonly DateTimeOffset _asOf = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 8)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Bulk_scorer_equals_credit_scoring_on_random_ledgers_of_the_default_rule_set(int seed) =>
        AssertSameOnRandomLedgers(DefaultRuleSet.Instance, seed, ledgers: 5_000);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Bulk_scorer_equals_credit_scoring_on_random_ledgers_of_an_odd_rule_set(int seed) =>
        AssertSameOnRandomLedgers(OddRuleSet(), seed, ledgers: 5_000);

    [Fact]
    public void Bulk_scorer_equals_credit_scoring_at_the_expiry_and_gate_boundaries()
    {
        var rules = DefaultRuleSet.Instance;
        var scorer = new BulkScorer(rules, _asOf);
        DateTimeOffset[] instants =
        [
            _asOf, _asOf.AddTicks(-10), _asOf.AddTicks(10), _asOf.AddDays(-60), _asOf.AddDays(-60).AddTicks(-10),
            _asOf.AddMonths(-12), _asOf.AddMonths(-12).AddTicks(10), _asOf.AddMonths(-12).AddTicks(-10),
        ];
        foreach (var type in rules.EventTypes.Keys)
        {
            foreach (var occurred in instants)
            {
                foreach (var expires in instants.Select(i => (DateTimeOffset?)i).Append(null))
                {
                    foreach (var since in instants)
                    {
                        foreach (var last in instants.Select(i => (DateTimeOffset?)i).Append(null))
                        {
                            var events = new[] { new ScoredEvent(type, occurred, expires), new ScoredEvent("auto-debit", _asOf.AddYears(-3), null) };
                            AssertSame(scorer, rules, events, new GradeContext(since, CreditColour.Blue, last, UpgradeAllowed: true));
                        }
                    }
                }
            }
        }
    }

    private static void AssertSameOnRandomLedgers(RuleSet rules, int seed, int ledgers)
    {
        var random = new Random(seed);
        var scorer = new BulkScorer(rules, _asOf);
        var types = rules.EventTypes.Keys.Append("not-a-rule").ToArray();
        for (var n = 0; n < ledgers; n++)
        {
            var events = Enumerable.Range(0, random.Next(0, 25))
                .Select(_ => new ScoredEvent(types[random.Next(types.Length)], Instant(random), random.Next(3) == 0 ? null : Instant(random)))
                .ToList();
            CreditColour? previous = random.Next(6) is var c && c == 0 ? null : (CreditColour)c;
            var context = new GradeContext(Instant(random), previous, random.Next(3) == 0 ? null : Instant(random), random.Next(2) == 0);
            AssertSame(scorer, rules, events, context);
        }
    }

    private static void AssertSame(BulkScorer scorer, RuleSet rules, IReadOnlyList<ScoredEvent> events, GradeContext context)
    {
        var expected = CreditScoring.Evaluate(events, rules, context, _asOf);
        var actual = scorer.Score(
            events.Select(e => scorer.TypeIndex(e.EventType)).ToArray(),
            events.Select(e => e.OccurredAt.UtcTicks).ToArray(),
            events.Select(e => e.ExpiresAt?.UtcTicks ?? BulkScorer.NoExpiry).ToArray(),
            context.SubjectSince.UtcTicks,
            context.PreviousColour,
            context.LastRedOrBlackAt?.UtcTicks,
            context.UpgradeAllowed);
        Assert.True((expected.Score, expected.Colour) == actual,
            $"CreditScoring {expected.Score}/{expected.Colour}, bulk {actual.Score}/{actual.Colour} for " +
            $"{string.Join("; ", events)} with {context}");

        // The reasons of the bulk path: CreditScoring's reasons in the history's stored form, and the same grade.
        var buffer = new ArrayBufferWriter<byte>();
        (int Score, CreditColour Colour) withReasons;
        using (var json = new Utf8JsonWriter(buffer, StoredReasons.WriterOptions))
        {
            withReasons = scorer.WriteReasons(
                json,
                events.Select(e => scorer.TypeIndex(e.EventType)).ToArray(),
                events.Select(e => e.OccurredAt.UtcTicks).ToArray(),
                events.Select(e => e.ExpiresAt?.UtcTicks ?? BulkScorer.NoExpiry).ToArray(),
                context.SubjectSince.UtcTicks,
                context.PreviousColour,
                context.LastRedOrBlackAt?.UtcTicks,
                context.UpgradeAllowed);
        }

        Assert.Equal(actual, withReasons);
        var stored = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        Assert.Equal(StoredReasons.From(expected.Reasons, ReasonTexts.For(rules)).Json, stored);
        Assert.Equal(expected.Reasons, new StoredReasons(stored).Describe(ReasonTexts.For(rules)));
    }

    // Mostly around the boundaries the rules look at (now, 60 days, 12 and 24 months), to the tick.
    private static DateTimeOffset Instant(Random random)
    {
        DateTimeOffset[] anchors = [_asOf, _asOf.AddDays(-60), _asOf.AddMonths(-12), _asOf.AddMonths(-24), _asOf.AddMonths(6)];
        var anchor = anchors[random.Next(anchors.Length)];
        return random.Next(4) switch
        {
            0 => anchor,
            1 => anchor.AddTicks(random.Next(-20, 21)),
            _ => anchor.AddMinutes(random.Next(-60 * 24 * 400, 60 * 24 * 400)),
        };
    }

    // Caps that bite, a low bonus cap, an uncapped area, a capped bonus type, a deducting veto and two equal bonus rules.
    private static RuleSet OddRuleSet()
    {
        var bonus = new EventTypeRule("bonus-a", "加分甲", RuleArea.Bonus, 3, 12, MaxPoints: 5);
        return new RuleSet(
            "odd",
            new Dictionary<string, EventTypeRule>(StringComparer.Ordinal)
            {
                ["late"] = new("late", "逾期", RuleArea.Payment, -7, 12),
                ["arrears-outstanding"] = new("arrears-outstanding", "欠费", RuleArea.Payment, -9, null),
                ["contract-violation"] = new("contract-violation", "违约", RuleArea.Compliance, -11, 24),
                ["major-hazard-overdue"] = new("major-hazard-overdue", "重大隐患", RuleArea.Safety, -6, null),
                ["orderly"] = new("orderly", "有序用电", RuleArea.OrderlyUse, -13, 12),
                ["bonus-a"] = bonus,
                ["bonus-a-alias"] = bonus,
                ["bonus-b"] = new("bonus-b", "加分乙", RuleArea.Bonus, 4, null),
                ["theft"] = new("theft", "窃电", RuleArea.Veto, -2, 24),
            },
            new Dictionary<RuleArea, int> { [RuleArea.Payment] = 20, [RuleArea.Compliance] = 15, [RuleArea.Safety] = 10 },
            BonusCap: 6,
            GreenFrom: 95,
            BlueFrom: 80,
            YellowFrom: 55,
            RedFrom: 30,
            GreenHistoryMonths: 6);
    }
}
