using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.RuleSets;
using Xunit;

namespace CreditPower.UnitTests.Grading.RuleSets;

public sealed class RuleSetDraftingTests
{
    private static RuleSetDefinition Base => RuleSetDefinition.From(DefaultRuleSet.Instance);

    private static (RuleSetDefinition Result, Dictionary<string, string[]> Errors) Apply(UpdateRuleSetRequest changes)
    {
        var errors = new Dictionary<string, string[]>();
        var result = RuleSetDrafting.Apply(Base, changes, errors);
        return (result, errors);
    }

    private static void AssertFields(Dictionary<string, string[]> errors, params string[] fields) =>
        Assert.Equal(fields.Order(), errors.Keys.Order());

    [Fact]
    public void No_changes_give_the_base_definition_back()
    {
        var (result, errors) = Apply(new UpdateRuleSetRequest());

        Assert.Empty(errors);
        Assert.Equal(Base.EventTypes, result.EventTypes);
        Assert.Equal((90, 75, 60, 40, 10), (result.GreenFrom, result.BlueFrom, result.YellowFrom, result.RedFrom, result.BonusCap));
    }

    [Fact]
    public void Valid_changes_are_applied_and_the_rest_kept()
    {
        var (result, errors) = Apply(new UpdateRuleSetRequest
        {
            EventTypes =
            [
                new EventTypeChange { Code = "late-payment-16-30", Points = -5, MonthsInForce = 18 },
                new EventTypeChange { Code = "demand-response", MaxPoints = 6 },
                new EventTypeChange { Code = "electricity-theft", MonthsInForce = 36 },
                new EventTypeChange { Code = "penalty-general", UntilEnded = true },
            ],
            AreaCaps = new Dictionary<string, int> { ["payment"] = 35, ["orderlyUse"] = 10 },
            BonusCap = 8,
            GreenFrom = 92,
            BlueFrom = 78,
        });

        Assert.Empty(errors);
        var late = result.EventTypes.Single(e => e.Code == "late-payment-16-30");
        Assert.Equal((-5, 18), (late.Points, late.MonthsInForce));
        Assert.Equal(6, result.EventTypes.Single(e => e.Code == "demand-response").MaxPoints);
        Assert.Equal(36, result.EventTypes.Single(e => e.Code == "electricity-theft").MonthsInForce);
        Assert.Null(result.EventTypes.Single(e => e.Code == "penalty-general").MonthsInForce);
        Assert.Equal(35, result.AreaCaps[RuleArea.Payment]);
        Assert.Equal(10, result.AreaCaps[RuleArea.OrderlyUse]);
        Assert.Equal(30, result.AreaCaps[RuleArea.Compliance]);
        Assert.Equal((92, 78, 60, 40, 8), (result.GreenFrom, result.BlueFrom, result.YellowFrom, result.RedFrom, result.BonusCap));
        Assert.Equal(-2, result.EventTypes.Single(e => e.Code == "late-payment-1-15").Points);
    }

    [Theory]
    [InlineData("late-payment-1-15", 2, "eventTypes[0].points")]
    [InlineData("late-payment-1-15", 0, "eventTypes[0].points")]
    [InlineData("contract-violation", -101, "eventTypes[0].points")]
    [InlineData("auto-debit", -2, "eventTypes[0].points")]
    [InlineData("auto-debit", 0, "eventTypes[0].points")]
    [InlineData("electricity-theft", -10, "eventTypes[0].points")]
    public void Points_must_have_the_sign_of_their_area(string code, int points, string field)
    {
        var (_, errors) = Apply(new UpdateRuleSetRequest { EventTypes = [new EventTypeChange { Code = code, Points = points }] });

        AssertFields(errors, field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(121)]
    public void Months_in_force_must_be_a_sensible_period(int months)
    {
        var (_, errors) = Apply(new UpdateRuleSetRequest { EventTypes = [new EventTypeChange { Code = "payment-returned", MonthsInForce = months }] });

        AssertFields(errors, "eventTypes[0].monthsInForce");
    }

    [Fact]
    public void Max_points_only_for_bonuses_and_never_below_one_award()
    {
        var (_, onDeduction) = Apply(new UpdateRuleSetRequest { EventTypes = [new EventTypeChange { Code = "late-payment-1-15", MaxPoints = 4 }] });
        var (_, belowPoints) = Apply(new UpdateRuleSetRequest { EventTypes = [new EventTypeChange { Code = "demand-response", Points = 3, MaxPoints = 2 }] });

        AssertFields(onDeduction, "eventTypes[0].maxPoints");
        AssertFields(belowPoints, "eventTypes[0].maxPoints");
    }

    [Fact]
    public void Unknown_and_repeated_event_types_are_named_by_position()
    {
        var (_, errors) = Apply(new UpdateRuleSetRequest
        {
            EventTypes =
            [
                new EventTypeChange { Code = "no-such-event", Points = -1 },
                new EventTypeChange { Code = "payment-returned", Points = -4 },
                new EventTypeChange { Code = "payment-returned", Points = -5 },
            ],
        });

        AssertFields(errors, "eventTypes[0].code", "eventTypes[2].code");
    }

    [Theory]
    [InlineData("payment", 0, "areaCaps.payment")]
    [InlineData("safety", -5, "areaCaps.safety")]
    [InlineData("bonus", 10, "areaCaps.bonus")]
    [InlineData("Payment", 10, "areaCaps.Payment")]
    public void Area_caps_must_be_positive_and_name_a_deduction_area(string area, int cap, string field)
    {
        var (_, errors) = Apply(new UpdateRuleSetRequest { AreaCaps = new Dictionary<string, int> { [area] = cap } });

        AssertFields(errors, field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public void Bonus_cap_must_be_positive(int cap)
    {
        var (_, errors) = Apply(new UpdateRuleSetRequest { BonusCap = cap });

        AssertFields(errors, "bonusCap");
    }

    [Theory]
    [InlineData(null, 90, null, null, "blueFrom")]
    [InlineData(null, null, 75, null, "yellowFrom")]
    [InlineData(null, null, null, 0, "redFrom")]
    [InlineData(101, null, null, null, "greenFrom")]
    [InlineData(70, null, null, null, "greenFrom")]
    [InlineData(null, null, 40, null, "yellowFrom")]
    public void Colour_thresholds_must_be_strictly_ordered(int? green, int? blue, int? yellow, int? red, string field)
    {
        var (_, errors) = Apply(new UpdateRuleSetRequest { GreenFrom = green, BlueFrom = blue, YellowFrom = yellow, RedFrom = red });

        AssertFields(errors, field);
        Assert.Contains("严格递增", errors[field][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Thresholds_moved_together_in_order_are_accepted()
    {
        var (result, errors) = Apply(new UpdateRuleSetRequest { GreenFrom = 95, BlueFrom = 85, YellowFrom = 70, RedFrom = 50 });

        Assert.Empty(errors);
        Assert.Equal((95, 85, 70, 50), (result.GreenFrom, result.BlueFrom, result.YellowFrom, result.RedFrom));
    }

    [Theory]
    [InlineData("2026-huaiyin-v2", true)]
    [InlineData("2021-huaiyin-default", true)]
    [InlineData("2027-a1", true)]
    [InlineData("v2", false)]
    [InlineData("2026-Huaiyin", false)]
    [InlineData("2026-huaiyin--v2", false)]
    [InlineData("2026-huaiyin-", false)]
    [InlineData("2026 huaiyin", false)]
    [InlineData("", false)]
    public void Version_names_follow_the_year_and_name_pattern(string version, bool valid)
    {
        var errors = new Dictionary<string, string[]>();

        RuleSetDrafting.ValidateVersion(version, errors);

        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public void Version_names_are_at_most_64_characters()
    {
        var errors = new Dictionary<string, string[]>();

        RuleSetDrafting.ValidateVersion("2026-" + new string('a', 60), errors);

        AssertFields(errors, "version");
    }
}
