using System.Text.Json;
using CreditPower.Contracts;
using CreditPower.Grading.Domain;
using Xunit;

namespace CreditPower.UnitTests.Grading.Reevaluation;

/// <summary>
/// The grade history's compact reasons: the rule version's own words are left out and read back from the version,
/// any other words are kept; what is written reads back the same, anything else is refused.
/// </summary>
public sealed class StoredReasonsTests
{
    private static readonly ReasonTexts _texts = ReasonTexts.For(DefaultRuleSet.Instance);

    [Fact]
    public void Reasons_in_the_versions_words_are_stored_as_code_and_points_and_read_back_with_the_words()
    {
        var rule = DefaultRuleSet.Instance.EventTypes.Values.First(r => r.Points < 0 && !r.IsVeto);
        List<GradeReason> reasons =
        [
            new(rule.Code, rule.Points, rule.Name),
            _texts.Reason(ReasonTexts.GateHistory, 0),
            _texts.Reason(ReasonTexts.OneStep, 0),
        ];

        var stored = StoredReasons.From(reasons, _texts);

        Assert.Equal($"""[["{rule.Code}",{rule.Points}],["gate:history",0],["movement:one-step",0]]""", stored.Json);
        Assert.Equal(reasons, stored.Describe(_texts));
        Assert.Contains($"{DefaultRuleSet.Instance.GreenHistoryMonths} 个月", reasons[1].Description, StringComparison.Ordinal);
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
    [InlineData("""[{"code":"a","points":-2,"description":"b"}]""")]
    public void Anything_else_is_refused(string stored) =>
        Assert.ThrowsAny<JsonException>(() => new StoredReasons(stored).Describe(_texts));
}
