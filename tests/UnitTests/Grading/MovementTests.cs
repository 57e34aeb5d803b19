using CreditPower.Contracts;
using CreditPower.Grading.Domain;
using Xunit;
using static CreditPower.UnitTests.Grading.Ledger;

namespace CreditPower.UnitTests.Grading;

public sealed class MovementTests
{
    [Fact]
    public void New_subject_starts_blue_even_with_score_100()
    {
        var context = new GradeContext(AsOf.AddDays(-1), null, null, UpgradeAllowed: false);

        var result = Evaluate([], context);

        Assert.Equal(100, result.Score);
        Assert.Equal(CreditColour.Blue, result.Colour);
        Assert.True(result.Has("gate:history"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void New_subject_with_long_history_still_starts_blue(bool upgradeAllowed)
    {
        var context = new GradeContext(AsOf.AddYears(-5), null, null, upgradeAllowed);

        var result = Evaluate(Recent("auto-debit"), context);

        Assert.Equal(100, result.Score);
        Assert.Equal(CreditColour.Blue, result.Colour);
    }

    [Theory]
    [InlineData(CreditColour.Yellow, "inspection-refused", "inspection-refused", "inspection-refused", "inspection-refused", "inspection-refused", "inspection-refused")]
    [InlineData(CreditColour.Red, "contract-violation")]
    [InlineData(CreditColour.Black, "electricity-theft")]
    public void New_subject_starts_at_a_worse_colour_when_the_rules_give_one(CreditColour colour, params string[] types)
    {
        var context = new GradeContext(AsOf.AddDays(-30), null, null, UpgradeAllowed: false);

        var result = Evaluate(Recent(types), context);

        Assert.Equal(colour, result.Colour);
    }

    [Theory]
    [InlineData(CreditColour.Green, CreditColour.Blue, "late-payment-over-30", "late-payment-over-30")]
    [InlineData(CreditColour.Green, CreditColour.Yellow, "inspection-refused", "inspection-refused", "inspection-refused", "inspection-refused", "inspection-refused", "inspection-refused")]
    [InlineData(CreditColour.Green, CreditColour.Red, "major-hazard-overdue")]
    [InlineData(CreditColour.Green, CreditColour.Black, "electricity-theft")]
    [InlineData(CreditColour.Blue, CreditColour.Black, "grid-accident")]
    [InlineData(CreditColour.Yellow, CreditColour.Red, "contract-violation")]
    [InlineData(CreditColour.Red, CreditColour.Black, "arrears-3-months")]
    public void Downgrade_takes_effect_at_once_without_the_monthly_evaluation(CreditColour previous, CreditColour colour, params string[] types)
    {
        var result = Evaluate(Recent(types), Established(previous, upgradeAllowed: false));

        Assert.Equal(colour, result.Colour);
        Assert.DoesNotContain(result.Reasons, reason => reason.Code.StartsWith("movement:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(CreditColour.Blue)]
    [InlineData(CreditColour.Yellow)]
    [InlineData(CreditColour.Red)]
    [InlineData(CreditColour.Black)]
    public void Upgrade_is_held_without_the_monthly_evaluation(CreditColour previous)
    {
        var result = Evaluate([], Established(previous, upgradeAllowed: false));

        Assert.Equal(100, result.Score);
        Assert.Equal(previous, result.Colour);
        Assert.Equal("升级须经月度评价或信用修复，暂保持原颜色", result.Reason("movement:upgrade-held").Description);
    }

    [Theory]
    [InlineData(CreditColour.Black, CreditColour.Red, true)]
    [InlineData(CreditColour.Red, CreditColour.Yellow, true)]
    [InlineData(CreditColour.Yellow, CreditColour.Blue, true)]
    [InlineData(CreditColour.Blue, CreditColour.Green, false)]
    public void Upgrade_at_the_monthly_evaluation_moves_one_colour_at_a_time(CreditColour previous, CreditColour colour, bool heldBack)
    {
        var result = Evaluate([], Established(previous, upgradeAllowed: true));

        Assert.Equal(100, result.Score);
        Assert.Equal(colour, result.Colour);
        Assert.Equal(heldBack, result.Has("movement:one-step"));
        Assert.False(result.Has("movement:upgrade-held"));
    }

    [Fact]
    public void Upgrade_of_exactly_one_colour_needs_no_movement_reason()
    {
        var result = Evaluate(Recent("late-payment-over-30", "late-payment-16-30"), Established(CreditColour.Yellow, upgradeAllowed: true));

        Assert.Equal(88, result.Score);
        Assert.Equal(CreditColour.Blue, result.Colour);
        Assert.DoesNotContain(result.Reasons, reason => reason.Code.StartsWith("movement:", StringComparison.Ordinal));
    }

    [Fact]
    public void Monthly_evaluations_walk_a_black_subject_up_one_colour_each()
    {
        var colour = CreditColour.Black;
        var steps = new List<CreditColour>();
        for (var month = 0; month < 5; month++)
        {
            colour = Evaluate([], Established(colour, upgradeAllowed: true)).Colour;
            steps.Add(colour);
        }

        Assert.Equal([CreditColour.Red, CreditColour.Yellow, CreditColour.Blue, CreditColour.Green, CreditColour.Green], steps);
    }

    [Theory]
    [InlineData(CreditColour.Blue, false)]
    [InlineData(CreditColour.Yellow, true)]
    public void Same_colour_stays_without_movement_reasons(CreditColour colour, bool upgradeAllowed)
    {
        var types = colour == CreditColour.Blue ? new[] { "late-payment-over-30", "late-payment-over-30" } : ["orderly-use-ignored", "orderly-use-ignored", "orderly-use-ignored", "orderly-use-ignored", "orderly-use-ignored", "orderly-use-ignored"];

        var result = Evaluate(Recent(types), Established(colour, upgradeAllowed));

        Assert.Equal(colour, result.Colour);
        Assert.DoesNotContain(result.Reasons, reason => reason.Code.StartsWith("movement:", StringComparison.Ordinal));
    }
}
