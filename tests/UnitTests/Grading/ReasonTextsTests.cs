using CreditPower.Grading.Domain;
using Xunit;

namespace CreditPower.UnitTests.Grading;

/// <summary>
/// The words every stored grade is read back with. Grades keep codes and points only, so changing a wording here
/// rewords the history of every grade already written: give the new wording a new code instead.
/// </summary>
public sealed class ReasonTextsTests
{
    [Theory]
    [InlineData(ReasonTexts.RedArrears, "欠费超过 60 天未缴")]
    [InlineData(ReasonTexts.RedContractViolation, "近 12 个月内有违约用电")]
    [InlineData(ReasonTexts.RedMajorHazard, "重大隐患逾期未整改")]
    [InlineData(ReasonTexts.GateArrears, "存在欠费，暂不能评为绿色")]
    [InlineData(ReasonTexts.GateRecentRedOrBlack, "近 12 个月内曾被评为红色或黑色，暂不能评为绿色")]
    [InlineData(ReasonTexts.NewSubject, "新登记的信用主体从蓝色起评")]
    [InlineData(ReasonTexts.UpgradeHeld, "升级须经月度评价或信用修复，暂保持原颜色")]
    [InlineData(ReasonTexts.OneStep, "每次评价最多提升一个颜色")]
    [InlineData(ReasonTexts.ObjectionFrozen, "有记录处于异议处理中，暂保持原颜色")]
    public void The_fixed_words_stay_as_stored_grades_were_written_with_them(string code, string words) =>
        Assert.Equal(words, ReasonTexts.Fixed.Of(code));

    [Fact]
    public void A_versions_own_words_follow_its_numbers_so_each_grade_reads_back_as_its_version_had_it()
    {
        var older = DefaultRuleSet.Instance;
        var newer = older with { Version = "2027-test", BonusCap = older.BonusCap + 5, GreenHistoryMonths = older.GreenHistoryMonths + 12 };
        var stored = new StoredReasons("""[["cap:bonus",-2],["gate:history",0]]""");

        Assert.Equal(
            [$"加分以 {older.BonusCap} 分为上限", $"信用记录不足 {older.GreenHistoryMonths} 个月，暂不能评为绿色"],
            stored.Describe(ReasonTexts.For(older)).Select(r => r.Description));
        Assert.Equal(
            [$"加分以 {newer.BonusCap} 分为上限", $"信用记录不足 {newer.GreenHistoryMonths} 个月，暂不能评为绿色"],
            stored.Describe(ReasonTexts.For(newer)).Select(r => r.Description));
        Assert.Equal($"一票否决：{older.EventTypes.Values.First(r => r.IsVeto).Name}", ReasonTexts.For(older).Of(older.EventTypes.Values.First(r => r.IsVeto).Code));
    }
}
