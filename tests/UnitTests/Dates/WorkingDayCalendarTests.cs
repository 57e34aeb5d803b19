using System.Globalization;
using CreditPower.ServiceDefaults.Dates;
using Microsoft.Extensions.Options;
using Xunit;

namespace CreditPower.UnitTests.Dates;

/// <summary>
/// Working days for every time limit: weekends, the State Council's holidays and make-up working days (调休), as
/// shipped in the configuration every service starts with.
/// </summary>
public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar _calendar = ShippedCalendar.Instance;

    [Theory]
    [InlineData("2026-11-25", 1, "2026-11-26")] // Wednesday → Thursday
    [InlineData("2026-11-27", 1, "2026-11-30")] // Friday → Monday: the weekend does not count
    [InlineData("2026-11-28", 1, "2026-11-30")] // from a Saturday → Monday
    [InlineData("2026-11-27", 10, "2026-12-11")] // two weekends skipped
    [InlineData("2026-11-27", 0, "2026-11-27")]
    // 国庆 2026: 1–7 October off, Sunday 20 September and Saturday 10 October worked.
    [InlineData("2026-09-30", 1, "2026-10-08")] // the holiday week does not count
    [InlineData("2026-09-30", 10, "2026-10-20")] // holiday week skipped, the make-up Saturday counts
    [InlineData("2026-10-09", 1, "2026-10-10")] // Friday → the make-up Saturday
    [InlineData("2026-09-18", 1, "2026-09-20")] // Friday → the make-up Sunday before the holiday
    [InlineData("2026-09-24", 1, "2026-09-28")] // 中秋 Friday 25 September off
    // 春节 2026: 15–23 February off, Saturdays 14 and 28 February worked.
    [InlineData("2026-02-13", 1, "2026-02-14")]
    [InlineData("2026-02-13", 2, "2026-02-24")]
    [InlineData("2026-02-27", 1, "2026-02-28")]
    // 元旦 and 劳动节: Sunday 4 January worked; 1–5 May off, Saturday 9 May worked.
    [InlineData("2025-12-31", 1, "2026-01-04")]
    [InlineData("2026-04-30", 1, "2026-05-06")]
    [InlineData("2026-05-08", 1, "2026-05-09")]
    public void Adding_working_days_skips_weekends_and_holidays_and_counts_make_up_days(string start, int workingDays, string expected) =>
        Assert.Equal(Day(expected), _calendar.AddWorkingDays(Day(start), workingDays));

    [Theory]
    [InlineData("2026-10-03", false)] // Saturday in the holiday
    [InlineData("2026-10-05", false)] // Monday, public holiday
    [InlineData("2026-10-08", true)]
    [InlineData("2026-10-10", true)] // Saturday worked in exchange
    [InlineData("2026-10-11", false)]
    [InlineData("2026-01-01", false)]
    [InlineData("2026-04-06", false)] // 清明, Monday
    [InlineData("2026-06-19", false)] // 端午, Friday
    public void A_day_is_a_working_day_unless_weekend_or_holiday_but_make_up_days_are(string day, bool working) =>
        Assert.Equal(working, _calendar.IsWorkingDay(Day(day)));

    [Fact]
    public void The_shipped_2026_notice_leaves_248_working_days()
    {
        var days = Enumerable.Range(0, 365).Select(i => new DateOnly(2026, 1, 1).AddDays(i));

        // 261 weekdays, 19 of them holidays, 6 weekend days worked.
        Assert.Equal(248, days.Count(_calendar.IsWorkingDay));
    }

    [Fact]
    public void A_deadline_spanning_national_day_skips_the_holiday_and_counts_the_make_up_saturday()
    {
        // Wednesday 30 September 2026, 15:00 in Beijing: ten working days are 8, 9, 10 (Saturday, worked), 12–16, 19 and 20 October.
        var deadline = _calendar.DeadlineAfter(DateTimeOffset.Parse("2026-09-30T07:00:00Z", CultureInfo.InvariantCulture), 10);

        Assert.Equal(DateTimeOffset.Parse("2026-10-21T00:00:00+08:00", CultureInfo.InvariantCulture), deadline);
        Assert.Equal(TimeSpan.Zero, deadline.Offset);
    }

    [Fact]
    public void Without_the_make_up_workday_the_ten_day_deadline_after_the_holiday_is_a_day_later()
    {
        var noMakeUp = new WorkingDayCalendar(
            [Day("2026-10-01"), Day("2026-10-02"), Day("2026-10-05"), Day("2026-10-06"), Day("2026-10-07")], []);

        Assert.Equal(Day("2026-10-21"), noMakeUp.AddWorkingDays(Day("2026-09-30"), 10));
    }

    [Theory]
    // Thursday 23:30 in Beijing: one working day runs to the end of Friday.
    [InlineData("2026-11-26T15:30:00Z", "2026-11-28T00:00:00+08:00")]
    // Already Friday 00:30 in Beijing (still Thursday in UTC): one working day runs to the end of Monday.
    [InlineData("2026-11-26T16:30:00Z", "2026-12-01T00:00:00+08:00")]
    public void A_deadline_is_the_end_of_the_working_day_in_beijing_given_in_utc(string submittedAt, string expected)
    {
        var deadline = _calendar.DeadlineAfter(DateTimeOffset.Parse(submittedAt, CultureInfo.InvariantCulture), 1);

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), deadline);
        Assert.Equal(TimeSpan.Zero, deadline.Offset);
    }

    [Fact]
    public void Configuration_adds_to_the_shipped_notices()
    {
        // A later notice given in configuration beyond the shipped entries: both years count.
        var calendar = ShippedCalendar.Build(new Dictionary<string, string?>
        {
            ["WorkingDays:Holidays:100"] = "2027-01-01",
            ["WorkingDays:AdjustedWorkingDays:100"] = "2027-01-09",
        });

        Assert.False(calendar.IsWorkingDay(Day("2027-01-01")));
        Assert.True(calendar.IsWorkingDay(Day("2027-01-09")));
        Assert.False(calendar.IsWorkingDay(Day("2026-10-01")));
    }

    [Theory]
    [InlineData("WorkingDays:AdjustedWorkingDays:100", "2026-10-12", "Saturday or Sunday")] // a Monday
    [InlineData("WorkingDays:AdjustedWorkingDays:100", "2026-10-03", "both a holiday")]
    public void A_calendar_that_contradicts_itself_stops_the_start(string key, string value, string reason)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => ShippedCalendar.Build(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}
