using CreditPower.Contracts;
using CreditPower.Grading.Domain;
using Xunit;
using static CreditPower.UnitTests.Grading.Ledger;

namespace CreditPower.UnitTests.Grading;

public sealed class ExpiryTests
{
    private static readonly DateTimeOffset _occurredAt = new(2024, 11, 20, 9, 30, 0, TimeSpan.FromHours(8));

    // Offsets of the evaluation from the instant of expiry.
    private const int DayBefore = -86_400;
    private const int SecondBefore = -1;
    private const int AtExpiry = 0;
    private const int DayAfter = 86_400;

    [Theory]
    [InlineData("late-payment-1-15", 12, -2, DayBefore, true)]
    [InlineData("late-payment-1-15", 12, -2, SecondBefore, true)]
    [InlineData("late-payment-1-15", 12, -2, AtExpiry, false)]
    [InlineData("late-payment-1-15", 12, -2, DayAfter, false)]
    [InlineData("contract-violation", 24, -15, DayBefore, true)]
    [InlineData("contract-violation", 24, -15, AtExpiry, false)]
    [InlineData("contract-violation", 24, -15, DayAfter, false)]
    [InlineData("demand-response", 12, 2, DayBefore, true)]
    [InlineData("demand-response", 12, 2, AtExpiry, false)]
    [InlineData("demand-response", 12, 2, DayAfter, false)]
    public void Event_counts_until_the_instant_of_its_expiry(string type, int monthsInForce, int points, int secondsFromExpiry, bool counts)
    {
        var rule = Rules.Find(type)!;
        var expiresAt = rule.ExpiresAt(_occurredAt)!.Value;
        Assert.Equal(_occurredAt.AddMonths(monthsInForce), expiresAt);
        // A little deduction keeps room for the bonus below the 100 ceiling.
        var events = new[] { new ScoredEvent(type, _occurredAt, expiresAt), new ScoredEvent("inspection-refused", _occurredAt, null) };

        var result = Evaluate(events, Established(CreditColour.Green), expiresAt.AddSeconds(secondsFromExpiry));

        Assert.Equal(counts, result.Has(type));
        Assert.Equal(100 - 5 + (counts ? points : 0), result.Score);
    }

    [Theory]
    [InlineData("electricity-theft", DayBefore, CreditColour.Black)]
    [InlineData("electricity-theft", AtExpiry, CreditColour.Green)]
    [InlineData("commitment-broken", DayBefore, CreditColour.Black)]
    [InlineData("commitment-broken", DayAfter, CreditColour.Green)]
    public void Veto_locks_black_until_its_expiry(string veto, int secondsFromExpiry, CreditColour colour)
    {
        var expiresAt = Rules.Find(veto)!.ExpiresAt(_occurredAt)!.Value;

        var result = Evaluate([new ScoredEvent(veto, _occurredAt, expiresAt)], Established(CreditColour.Green), expiresAt.AddSeconds(secondsFromExpiry));

        Assert.Equal(colour, result.Colour);
    }

    [Fact]
    public void Event_without_expiry_stays_in_force_until_ended()
    {
        var result = Evaluate([Event("hazard-notice-overdue", AsOf.AddYears(-5))], WasGreen);

        Assert.Null(Rules.Find("hazard-notice-overdue")!.ExpiresAt(AsOf));
        Assert.Equal(95, result.Score);
    }

    [Fact]
    public void Paid_arrears_still_deduct_ten_points_for_three_months_after_payment()
    {
        var paidAt = AsOf.AddDays(-20);
        var arrears = new ScoredEvent("arrears-outstanding", AsOf.AddDays(-40), paidAt.AddMonths(3));

        Assert.Equal(90, Evaluate([arrears], WasGreen).Score);
        Assert.Equal(100, Evaluate([arrears], WasGreen, paidAt.AddMonths(3)).Score);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(86_400)]
    [InlineData(31_536_000)]
    public void Event_in_the_future_of_the_evaluation_does_not_count(int secondsAhead)
    {
        var occurredAt = AsOf.AddSeconds(secondsAhead);

        var result = Evaluate([Event("late-payment-over-30", occurredAt), Event("electricity-theft", occurredAt)], WasGreen);

        Assert.Equal(100, result.Score);
        Assert.Equal(CreditColour.Green, result.Colour);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void Event_occurring_at_the_instant_of_evaluation_counts()
    {
        var result = Evaluate([Event("late-payment-over-30", AsOf)], WasGreen);

        Assert.Equal(92, result.Score);
    }

    [Theory]
    [InlineData("no-such-event")]
    [InlineData("")]
    [InlineData("late-payment")]
    [InlineData("cap:Payment")]
    public void Unknown_event_type_is_ignored(string type)
    {
        var result = Evaluate([new ScoredEvent(type, AsOf.AddDays(-1), null), .. Recent("late-payment-1-15")], WasGreen);

        Assert.Equal(98, result.Score);
        Assert.Equal(CreditColour.Green, result.Colour);
        Assert.Single(result.Reasons);
    }
}
