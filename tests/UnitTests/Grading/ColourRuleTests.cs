using CreditPower.Contracts;
using CreditPower.Grading.Domain;
using Xunit;
using static CreditPower.UnitTests.Grading.Ledger;

namespace CreditPower.UnitTests.Grading;

public sealed class ColourRuleTests
{
    private static readonly string[] _fullBonus = ["auto-debit", "no-late-24-months", "demand-response", "demand-response", "commitment-kept"];

    [Theory]
    [InlineData("electricity-theft")]
    [InlineData("serious-dishonesty-list")]
    [InlineData("dishonest-judgement-debtor")]
    [InlineData("commitment-broken")]
    [InlineData("facility-damage")]
    [InlineData("grid-accident")]
    [InlineData("arrears-3-months")]
    [InlineData("forged-materials")]
    public void Veto_gives_black_whatever_the_score_and_is_explained(string veto)
    {
        var result = Evaluate(Recent([veto, .. _fullBonus]), WasGreen);

        Assert.Equal(100, result.Score);
        Assert.Equal(CreditColour.Black, result.Colour);
        var reason = result.Reason(veto);
        Assert.Equal(0, reason.Points);
        Assert.Equal($"一票否决：{Rules.Find(veto)!.Name}", reason.Description);
    }

    [Theory]
    [InlineData("electricity-theft")]
    [InlineData("forged-materials")]
    public void Veto_gives_black_to_a_new_subject_too(string veto)
    {
        var result = Evaluate(Recent(veto), new GradeContext(AsOf.AddDays(-20), null, null, UpgradeAllowed: false));

        Assert.Equal(CreditColour.Black, result.Colour);
        Assert.True(result.Has(veto));
    }

    [Fact]
    public void Veto_wins_over_a_red_condition()
    {
        var result = Evaluate(Recent("major-hazard-overdue", "commitment-broken"), WasGreen);

        Assert.Equal(CreditColour.Black, result.Colour);
    }

    [Fact]
    public void Every_veto_in_force_is_explained()
    {
        var result = Evaluate(Recent("electricity-theft", "facility-damage"), WasGreen);

        Assert.Equal(CreditColour.Black, result.Colour);
        Assert.True(result.Has("electricity-theft"));
        Assert.True(result.Has("facility-damage"));
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(-11, true)]
    [InlineData(-13, false)]
    [InlineData(-23, false)]
    public void Contract_violation_in_the_last_12_months_gives_red_and_later_only_deducts(int monthsAgo, bool red)
    {
        var result = Evaluate([Event("contract-violation", AsOf.AddMonths(monthsAgo))], WasGreen);

        Assert.Equal(85, result.Score);
        Assert.Equal(red ? CreditColour.Red : CreditColour.Blue, result.Colour);
        Assert.Equal(red, result.Has("red:contract-violation"));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(-1, false)]
    public void Contract_violation_red_condition_ends_12_months_after_it_occurred(int daysAfterTwelveMonthsAgo, bool red)
    {
        var occurredAt = AsOf.AddMonths(-12).AddDays(daysAfterTwelveMonthsAgo);

        var result = Evaluate([Event("contract-violation", occurredAt)], WasGreen);

        Assert.Equal(85, result.Score);
        Assert.Equal(red, result.Has("red:contract-violation"));
    }

    [Fact]
    public void Major_hazard_overdue_gives_red_even_with_a_blue_score()
    {
        var result = Evaluate(Recent("major-hazard-overdue"), WasGreen);

        Assert.Equal(90, result.Score);
        Assert.Equal(CreditColour.Red, result.Colour);
        Assert.Equal("重大隐患逾期未整改", result.Reason("red:major-hazard").Description);
    }

    [Fact]
    public void Red_condition_gives_red_even_when_bonuses_restore_the_score_to_100()
    {
        var result = Evaluate(Recent(["major-hazard-overdue", .. _fullBonus]), WasGreen);

        Assert.Equal(100, result.Score);
        Assert.Equal(CreditColour.Red, result.Colour);
    }

    [Theory]
    [InlineData(61, CreditColour.Red)]
    [InlineData(120, CreditColour.Red)]
    [InlineData(59, CreditColour.Blue)]
    [InlineData(1, CreditColour.Blue)]
    public void Arrears_outstanding_for_more_than_60_days_give_red(int daysAgo, CreditColour colour)
    {
        var result = Evaluate([Event("arrears-outstanding", AsOf.AddDays(-daysAgo))], WasGreen);

        Assert.Equal(90, result.Score);
        Assert.Equal(colour, result.Colour);
        Assert.Equal(colour == CreditColour.Red, result.Has("red:arrears-over-60-days"));
    }

    [Fact]
    public void Score_below_40_gives_black_even_with_a_red_condition()
    {
        string[] types = [.. Enumerable.Repeat("late-payment-over-30", 5), "contract-violation", "contract-violation", "major-hazard-overdue"];

        var result = Evaluate(Recent(types), WasGreen);

        Assert.Equal(100 - 40 - 30 - 10, result.Score);
        Assert.Equal(CreditColour.Black, result.Colour);
    }

    [Fact]
    public void Clean_subject_with_history_and_previous_blue_goes_green_at_the_monthly_evaluation()
    {
        var context = new GradeContext(AsOf.AddMonths(-13), CreditColour.Blue, null, UpgradeAllowed: true);

        var result = Evaluate([], context);

        Assert.Equal(100, result.Score);
        Assert.Equal(CreditColour.Green, result.Colour);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void Outstanding_arrears_keep_a_green_score_blue()
    {
        var result = Evaluate(Recent(["arrears-outstanding", .. _fullBonus]), WasGreen);

        Assert.Equal(100, result.Score);
        Assert.Equal(CreditColour.Blue, result.Colour);
        Assert.Equal("存在欠费，暂不能评为绿色", result.Reason("gate:arrears").Description);
    }

    [Theory]
    [InlineData(11, CreditColour.Blue)]
    [InlineData(12, CreditColour.Green)]
    [InlineData(24, CreditColour.Green)]
    public void Less_than_12_months_of_history_keeps_a_green_score_blue(int monthsOfHistory, CreditColour colour)
    {
        var context = new GradeContext(AsOf.AddMonths(-monthsOfHistory), CreditColour.Green, null, UpgradeAllowed: true);

        var result = Evaluate([], context);

        Assert.Equal(colour, result.Colour);
        Assert.Equal(colour == CreditColour.Blue, result.Has("gate:history"));
    }

    [Theory]
    [InlineData(-1, CreditColour.Blue)]
    [InlineData(-6, CreditColour.Blue)]
    [InlineData(-11, CreditColour.Blue)]
    [InlineData(-13, CreditColour.Green)]
    public void Red_or_black_in_the_last_12_months_keeps_a_green_score_blue(int monthsAgo, CreditColour colour)
    {
        var context = new GradeContext(AsOf.AddYears(-3), CreditColour.Green, AsOf.AddMonths(monthsAgo), UpgradeAllowed: true);

        var result = Evaluate([], context);

        Assert.Equal(colour, result.Colour);
        Assert.Equal(colour == CreditColour.Blue, result.Has("gate:recent-red-or-black"));
    }

    [Fact]
    public void Every_unmet_green_gate_is_explained()
    {
        var context = new GradeContext(AsOf.AddMonths(-6), CreditColour.Green, AsOf.AddMonths(-2), UpgradeAllowed: true);

        var result = Evaluate(Recent(["arrears-outstanding", .. _fullBonus]), context);

        Assert.Equal(CreditColour.Blue, result.Colour);
        Assert.True(result.Has("gate:arrears"));
        Assert.True(result.Has("gate:history"));
        Assert.True(result.Has("gate:recent-red-or-black"));
    }

    [Fact]
    public void Green_gates_are_not_reported_below_a_green_score()
    {
        var context = new GradeContext(AsOf.AddMonths(-6), CreditColour.Green, AsOf.AddMonths(-2), UpgradeAllowed: true);

        var result = Evaluate(Recent("arrears-outstanding", "late-payment-1-15"), context);

        Assert.Equal(88, result.Score);
        Assert.Equal(CreditColour.Blue, result.Colour);
        Assert.DoesNotContain(result.Reasons, reason => reason.Code.StartsWith("gate:", StringComparison.Ordinal));
    }

    // "until paid, then 3 months": a paid arrears keeps deducting in its tail (ExpiresAt set at payment),
    // but it is no longer outstanding, so neither the red condition nor the green gate should hold.
    [Fact]
    public void Paid_arrears_are_not_a_red_condition_in_their_three_month_tail()
    {
        var paidAt = AsOf.AddDays(-20);
        var arrears = new ScoredEvent("arrears-outstanding", AsOf.AddDays(-90), paidAt.AddMonths(3));

        var result = Evaluate([arrears], WasGreen);

        Assert.Equal(90, result.Score);
        Assert.False(result.Has("red:arrears-over-60-days"));
        Assert.Equal(CreditColour.Green, result.Colour);
    }

    [Fact]
    public void Paid_arrears_do_not_block_green_in_their_three_month_tail()
    {
        var paidAt = AsOf.AddDays(-20);
        var arrears = new ScoredEvent("arrears-outstanding", AsOf.AddDays(-40), paidAt.AddMonths(3));

        var result = Evaluate([arrears, .. Recent(_fullBonus)], WasGreen);

        Assert.Equal(100, result.Score);
        Assert.False(result.Has("gate:arrears"));
        Assert.Equal(CreditColour.Green, result.Colour);
    }

    // "until rectified, then 12 months": once rectified (ExpiresAt set) the hazard is no longer overdue.
    [Fact]
    public void Rectified_major_hazard_is_not_a_red_condition_in_its_twelve_month_tail()
    {
        var rectifiedAt = AsOf.AddDays(-30);
        var hazard = new ScoredEvent("major-hazard-overdue", AsOf.AddDays(-100), rectifiedAt.AddMonths(12));

        var result = Evaluate([hazard], WasGreen);

        Assert.Equal(90, result.Score);
        Assert.False(result.Has("red:major-hazard"));
        Assert.Equal(CreditColour.Green, result.Colour);
    }
}
