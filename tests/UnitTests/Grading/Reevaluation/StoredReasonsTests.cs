using System.Text.Json;
using CreditPower.Contracts;
using CreditPower.Grading.Domain;
using Xunit;

namespace CreditPower.UnitTests.Grading.Reevaluation;

/// <summary>
/// The grade history's compact reasons: the rule version's own words and points are left out and read back from the
/// version, any others are kept; what is written reads back the same, anything else is refused.
/// </summary>
public sealed class StoredReasonsTests
{
    private static readonly ReasonTexts _texts = ReasonTexts.For(DefaultRuleSet.Instance);

    [Fact]
    public void Reasons_in_the_versions_words_and_points_are_stored_as_their_code_and_read_back_with_both()
    {
        var rule = DefaultRuleSet.Instance.EventTypes.Values.First(r => r.Points < 0 && !r.IsVeto);
        var veto = DefaultRuleSet.Instance.EventTypes.Values.First(r => r.IsVeto);
        List<GradeReason> reasons =
        [
            new(rule.Code, rule.Points, rule.Name),
            _texts.Reason(veto.Code, 0),
            _texts.Reason(ReasonTexts.GateHistory, 0),
            _texts.Reason(ReasonTexts.OneStep, 0),
        ];

        var stored = StoredReasons.From(reasons, _texts);

        Assert.Equal($"""["{rule.Code}","{veto.Code}","gate:history","movement:one-step"]""", stored.Json);
        Assert.Equal(reasons, stored.Describe(_texts));
        Assert.Contains($"{DefaultRuleSet.Instance.GreenHistoryMonths} 个月", reasons[2].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Points_other_than_the_codes_own_are_stored_with_it_and_so_are_those_of_a_cap()
    {
        var bonus = DefaultRuleSet.Instance.EventTypes.Values.First(r => r.Points > 0);
        List<GradeReason> reasons =
        [
            new(bonus.Code, bonus.Points * 2, bonus.Name),
            _texts.Reason(ReasonTexts.BonusCap, -3),
        ];

        var stored = StoredReasons.From(reasons, _texts);

        Assert.Equal($"""[["{bonus.Code}",{bonus.Points * 2}],["cap:bonus",-3]]""", stored.Json);
        Assert.Equal(reasons, stored.Describe(_texts));
    }

    [Fact]
    public void A_code_alone_reads_the_points_of_the_grades_own_version()
    {
        var rule = DefaultRuleSet.Instance.EventTypes.Values.First(r => r.Points < 0 && !r.IsVeto);
        var newer = DefaultRuleSet.Instance with
        {
            Version = "2027-test",
            EventTypes = DefaultRuleSet.Instance.EventTypes.ToDictionary(t => t.Key, t => t.Value == rule ? rule with { Points = rule.Points - 1 } : t.Value),
        };
        var stored = new StoredReasons($"""["{rule.Code}"]""");

        Assert.Equal(rule.Points, Assert.Single(stored.Describe(_texts)).Points);
        Assert.Equal(rule.Points - 1, Assert.Single(stored.Describe(ReasonTexts.For(newer))).Points);
        Assert.Equal(rule.Points, Assert.Single(new StoredReasons($"""[["{rule.Code}",{rule.Points}]]""").Describe(ReasonTexts.For(newer))).Points);
    }

    [Fact]
    public void Reasons_in_other_words_keep_them_with_chinese_unescaped()
    {
        List<GradeReason> reasons =
        [
            new("late-payment-1-15", -2, "逾期缴费（1至15天），另行说明"),
            new("cap:bonus", -3, "加分超过上限，按 \"10\" 分计"),
        ];

        var stored = StoredReasons.From(reasons, _texts);

        Assert.StartsWith("""[["late-payment-1-15",-2,"逾期缴费（1至15天），另行说明"],""", stored.Json, StringComparison.Ordinal);
        Assert.Equal(reasons, stored.Describe(_texts));
        Assert.Equal("[]", StoredReasons.From([], _texts).Json);
        Assert.Empty(StoredReasons.None.Describe(_texts));
    }

    [Fact]
    public void A_code_the_version_does_not_word_keeps_code_and_points_and_says_its_words_are_missing() =>
        Assert.Equal([new GradeReason("retired-rule", -5, "该项评价依据的说明暂缺")], new StoredReasons("""[["retired-rule",-5]]""").Describe(_texts));

    [Fact]
    public void Vetoes_and_area_caps_have_their_own_words()
    {
        var veto = DefaultRuleSet.Instance.EventTypes.Values.First(r => r.IsVeto);
        var (area, cap) = DefaultRuleSet.Instance.AreaCaps.First();

        Assert.Equal($"一票否决：{veto.Name}", _texts.Of(veto.Code));
        Assert.Equal($"{StatusLabels.For(area)}扣分以 {cap} 分为上限", _texts.Of(ReasonTexts.CapCode(area)));
        Assert.Null(ReasonTexts.Fixed.Of(veto.Code));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""[["code"]]""")]
    [InlineData("""[["code","-2","text"]]""")]
    [InlineData("""[["code",-2,"text","more"]]""")]
    [InlineData("""[1]""")]
    [InlineData("""["cap:bonus"]""")]
    [InlineData("""["retired-rule"]""")]
    [InlineData("""[{"code":"a","points":-2,"description":"b"}]""")]
    public void Anything_else_is_refused(string stored) =>
        Assert.ThrowsAny<JsonException>(() => new StoredReasons(stored).Describe(_texts));
}
