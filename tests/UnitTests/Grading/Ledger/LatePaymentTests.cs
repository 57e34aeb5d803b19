using CreditPower.Grading.Features.BillingFeed;
using Xunit;

namespace CreditPower.UnitTests.Grading.LedgerInput;

/// <summary>DOMAIN.md §4's payment rows: how many days late a paid bill was, and the event that makes.</summary>
public sealed class LatePaymentTests
{
    private static readonly DateOnly _due = new(2026, 3, 10);

    [Theory]
    [InlineData("2026-03-09T10:00:00+08:00", -1, null)]
    [InlineData("2026-03-10T23:59:00+08:00", 0, null)]
    [InlineData("2026-03-11T00:00:00+08:00", 1, "late-payment-1-15")]
    [InlineData("2026-03-25T12:00:00+08:00", 15, "late-payment-1-15")]
    [InlineData("2026-03-26T08:00:00+08:00", 16, "late-payment-16-30")]
    [InlineData("2026-04-09T18:00:00+08:00", 30, "late-payment-16-30")]
    [InlineData("2026-04-10T09:00:00+08:00", 31, "late-payment-over-30")]
    [InlineData("2026-09-01T09:00:00+08:00", 175, "late-payment-over-30")]
    public void Days_late_map_to_the_payment_rows(string paidAt, int daysLate, string? eventType)
    {
        var paid = DateTimeOffset.Parse(paidAt, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(daysLate, LatePayment.DaysLate(_due, paid));
        Assert.Equal(eventType, LatePayment.EventTypeFor(daysLate));
    }

    [Fact]
    public void Lateness_is_counted_in_china_days_not_utc_days()
    {
        // 2026-03-10 20:00 UTC is already 03-11 04:00 in Huaiyin: one day late, though still the due date in UTC.
        var paid = new DateTimeOffset(2026, 3, 10, 20, 0, 0, TimeSpan.Zero);

        Assert.Equal(1, LatePayment.DaysLate(_due, paid));
    }

    [Fact]
    public void A_bill_is_overdue_from_the_start_of_the_next_local_day()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.FromHours(8)), LatePayment.OverdueFrom(_due));
    }
}
