using CreditPower.Contracts;
using CreditPower.Grading.Domain;
using Xunit;
using static CreditPower.UnitTests.Grading.Ledger;

namespace CreditPower.UnitTests.Grading;

public sealed class ScoreTests
{
    [Theory]
    [InlineData(100, CreditColour.Green)]
    [InlineData(90, CreditColour.Green, "late-payment-1-15", "late-payment-1-15", "late-payment-1-15", "late-payment-1-15", "late-payment-1-15")]
    [InlineData(89, CreditColour.Blue, "late-payment-1-15", "late-payment-1-15", "late-payment-1-15", "inspection-refused")]
    [InlineData(75, CreditColour.Blue, "late-payment-over-30", "late-payment-over-30", "inspection-refused", "late-payment-16-30")]
    [InlineData(74, CreditColour.Yellow, "late-payment-over-30", "late-payment-over-30", "inspection-refused", "hazard-notice-overdue")]
    [InlineData(60, CreditColour.Yellow, "late-payment-over-30", "late-payment-over-30", "late-payment-over-30", "late-payment-over-30", "late-payment-over-30")]
    [InlineData(59, CreditColour.Red, "late-payment-over-30", "late-payment-over-30", "late-payment-over-30", "late-payment-over-30", "late-payment-over-30", "penalty-general", "auto-debit")]
    [InlineData(40, CreditColour.Red, "late-payment-over-30", "late-payment-over-30", "late-payment-over-30", "late-payment-over-30", "late-payment-over-30", "inspection-refused", "inspection-refused", "inspection-refused", "hazard-notice-overdue")]
    [InlineData(39, CreditColour.Black, "late-payment-over-30", "late-payment-over-30", "late-payment-over-30", "late-payment-over-30", "late-payment-over-30", "inspection-refused", "inspection-refused", "inspection-refused", "hazard-notice-overdue", "penalty-general", "auto-debit")]
    public void Score_falls_into_the_colour_band_of_the_domain(int score, CreditColour colour, params string[] types)
    {
        var result = Evaluate(Recent(types), WasGreen);

        Assert.Equal(score, result.Score);
        Assert.Equal(colour, result.Colour);
    }

    [Fact]
    public void Every_event_in_force_is_explained_with_its_points()
    {
        var result = Evaluate(Recent("late-payment-16-30", "inspection-refused", "grid-trip-caused", "honour"), WasGreen);

        Assert.Equal(100 - 4 - 5 - 5 + 2, result.Score);
        Assert.Equal(-4, result.Reason("late-payment-16-30").Points);
        Assert.Equal(-5, result.Reason("inspection-refused").Points);
        Assert.Equal(-5, result.Reason("grid-trip-caused").Points);
        Assert.Equal(2, result.Reason("honour").Points);
    }

    [Theory]
    [InlineData(60, "cap:Payment", 10, 40, "arrears-outstanding", "arrears-outstanding", "arrears-outstanding", "arrears-outstanding", "arrears-outstanding")]
    [InlineData(60, "cap:Payment", 6, 40, "arrears-outstanding", "arrears-outstanding", "arrears-outstanding", "late-payment-over-30", "late-payment-over-30")]
    [InlineData(60, "cap:Payment", 7, 40, "supply-suspended", "repayment-agreement-broken", "late-payment-over-30", "late-payment-16-30", "late-payment-1-15", "payment-returned", "arrears-outstanding")]
    [InlineData(70, "cap:Compliance", 5, 30, "inspection-refused", "inspection-refused", "inspection-refused", "inspection-refused", "inspection-refused", "inspection-refused", "inspection-refused")]
    [InlineData(85, "cap:Safety", 5, 15, "hazard-notice-overdue", "hazard-notice-overdue", "grid-trip-caused", "grid-trip-caused")]
    [InlineData(85, "cap:PublicCredit", 5, 15, "penalty-safety", "penalty-safety", "penalty-safety", "penalty-safety")]
    [InlineData(85, "cap:PublicCredit", 4, 15, "penalty-general", "penalty-general", "abnormal-operation-list", "penalty-safety", "penalty-safety")]
    public void Deductions_of_an_area_are_capped_and_the_cap_is_explained(int score, string capCode, int waived, int cap, params string[] types)
    {
        var result = Evaluate(Recent(types), WasGreen);

        Assert.Equal(score, result.Score);
        var reason = result.Reason(capCode);
        Assert.Equal(waived, reason.Points);
        Assert.Contains($"扣分以 {cap} 分为上限", reason.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Five_outstanding_arrears_give_score_60_and_yellow_not_lower()
    {
        var result = Evaluate(Recent("arrears-outstanding", "arrears-outstanding", "arrears-outstanding", "arrears-outstanding", "arrears-outstanding"), WasGreen);

        Assert.Equal(60, result.Score);
        Assert.Equal(CreditColour.Yellow, result.Colour);
        Assert.Equal(5, result.Reasons.Count(reason => reason.Code == "arrears-outstanding"));
    }

    [Fact]
    public void Deductions_exactly_at_the_cap_need_no_cap_reason()
    {
        var result = Evaluate(Recent("late-payment-over-30", "late-payment-over-30", "late-payment-over-30", "late-payment-over-30", "late-payment-over-30"), WasGreen);

        Assert.Equal(60, result.Score);
        Assert.DoesNotContain(result.Reasons, reason => reason.Code.StartsWith("cap:", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_area_is_capped_separately_so_all_capped_areas_together_reach_zero()
    {
        string[] types =
        [
            .. Enumerable.Repeat("arrears-outstanding", 5),
            .. Enumerable.Repeat("inspection-refused", 7),
            .. Enumerable.Repeat("grid-trip-caused", 4),
            .. Enumerable.Repeat("penalty-safety", 4),
        ];

        var result = Evaluate(Recent(types), WasGreen);

        Assert.Equal(0, result.Score);
        Assert.Equal(CreditColour.Black, result.Colour);
        Assert.True(result.Has("cap:Payment"));
        Assert.True(result.Has("cap:Compliance"));
        Assert.True(result.Has("cap:Safety"));
        Assert.True(result.Has("cap:PublicCredit"));
    }

    [Fact]
    public void Orderly_use_deductions_have_no_cap()
    {
        var result = Evaluate(Recent([.. Enumerable.Repeat("orderly-use-ignored", 7)]), WasGreen);

        Assert.Equal(65, result.Score);
        Assert.DoesNotContain(result.Reasons, reason => reason.Code.StartsWith("cap:", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_never_goes_below_zero()
    {
        string[] types =
        [
            .. Enumerable.Repeat("supply-suspended", 5),
            .. Enumerable.Repeat("contract-violation", 3),
            .. Enumerable.Repeat("major-hazard-overdue", 2),
            .. Enumerable.Repeat("penalty-safety", 3),
            .. Enumerable.Repeat("orderly-use-ignored", 10),
        ];

        var result = Evaluate(Recent(types), WasGreen);

        Assert.Equal(0, result.Score);
        Assert.Equal(CreditColour.Black, result.Colour);
    }

    [Fact]
    public void Bonuses_are_capped_at_ten_and_the_cap_is_explained()
    {
        var result = Evaluate(
            Recent("late-payment-over-30", "late-payment-over-30", "auto-debit", "no-late-24-months", "demand-response", "demand-response", "commitment-kept", "honour"),
            WasGreen);

        Assert.Equal(100 - 16 + 10, result.Score);
        var cap = result.Reason("cap:bonus");
        Assert.Equal(-2, cap.Points);
        Assert.Contains("加分以 10 分为上限", cap.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 4)]
    [InlineData(5, 4)]
    public void Demand_response_counts_two_points_each_up_to_four(int times, int points)
    {
        var result = Evaluate(
            Recent(["late-payment-over-30", "late-payment-1-15", .. Enumerable.Repeat("demand-response", times)]),
            WasGreen);

        Assert.Equal(100 - 10 + points, result.Score);
        Assert.Equal(points, result.Reason("demand-response").Points);
        Assert.False(result.Has("cap:bonus"));
    }

    [Fact]
    public void Bonuses_do_not_lift_the_score_above_100()
    {
        var result = Evaluate(Recent("auto-debit", "no-late-24-months", "honour"), WasGreen);

        Assert.Equal(100, result.Score);
        Assert.Equal(CreditColour.Green, result.Colour);
    }

    [Theory]
    [InlineData("late-payment-1-15", RuleArea.Payment, -2, 12)]
    [InlineData("late-payment-16-30", RuleArea.Payment, -4, 12)]
    [InlineData("late-payment-over-30", RuleArea.Payment, -8, 12)]
    [InlineData("arrears-outstanding", RuleArea.Payment, -10, null)]
    [InlineData("repayment-agreement-broken", RuleArea.Payment, -10, 12)]
    [InlineData("payment-returned", RuleArea.Payment, -3, 12)]
    [InlineData("supply-suspended", RuleArea.Payment, -10, 12)]
    [InlineData("contract-violation", RuleArea.Compliance, -15, 24)]
    [InlineData("inspection-refused", RuleArea.Compliance, -5, 12)]
    [InlineData("hazard-notice-overdue", RuleArea.Safety, -5, null)]
    [InlineData("major-hazard-overdue", RuleArea.Safety, -10, null)]
    [InlineData("grid-trip-caused", RuleArea.Safety, -5, 12)]
    [InlineData("orderly-use-ignored", RuleArea.OrderlyUse, -5, 12)]
    [InlineData("penalty-general", RuleArea.PublicCredit, -3, 12)]
    [InlineData("penalty-safety", RuleArea.PublicCredit, -5, 12)]
    [InlineData("abnormal-operation-list", RuleArea.PublicCredit, -3, null)]
    [InlineData("auto-debit", RuleArea.Bonus, 2, null)]
    [InlineData("no-late-24-months", RuleArea.Bonus, 3, null)]
    [InlineData("demand-response", RuleArea.Bonus, 2, 12)]
    [InlineData("commitment-kept", RuleArea.Bonus, 1, 12)]
    [InlineData("honour", RuleArea.Bonus, 2, 12)]
    [InlineData("electricity-theft", RuleArea.Veto, 0, 24)]
    [InlineData("serious-dishonesty-list", RuleArea.Veto, 0, null)]
    [InlineData("dishonest-judgement-debtor", RuleArea.Veto, 0, null)]
    [InlineData("commitment-broken", RuleArea.Veto, 0, 12)]
    [InlineData("facility-damage", RuleArea.Veto, 0, 24)]
    [InlineData("grid-accident", RuleArea.Veto, 0, 12)]
    [InlineData("arrears-3-months", RuleArea.Veto, 0, 12)]
    [InlineData("forged-materials", RuleArea.Veto, 0, 24)]
    public void Default_rule_set_has_the_points_and_periods_of_the_domain_table(string type, RuleArea area, int points, int? months)
    {
        var rule = Rules.Find(type);

        Assert.NotNull(rule);
        Assert.Equal(area, rule.Area);
        Assert.Equal(points, rule.Points);
        Assert.Equal(months, rule.MonthsInForce);
    }

    [Fact]
    public void Default_rule_set_has_the_caps_and_thresholds_of_the_domain()
    {
        var rules = DefaultRuleSet.Instance;

        Assert.Equal("2021-huaiyin-default", rules.Version);
        Assert.Equal(29, rules.EventTypes.Count);
        Assert.Equal(40, rules.AreaCaps[RuleArea.Payment]);
        Assert.Equal(30, rules.AreaCaps[RuleArea.Compliance]);
        Assert.Equal(15, rules.AreaCaps[RuleArea.Safety]);
        Assert.Equal(15, rules.AreaCaps[RuleArea.PublicCredit]);
        Assert.Equal(10, rules.BonusCap);
        Assert.Equal(4, rules.Find("demand-response")!.MaxPoints);
        Assert.Equal((90, 75, 60, 40, 12), (rules.GreenFrom, rules.BlueFrom, rules.YellowFrom, rules.RedFrom, rules.GreenHistoryMonths));
    }
}
