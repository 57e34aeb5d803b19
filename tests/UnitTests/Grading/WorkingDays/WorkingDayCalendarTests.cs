using System.Globalization;
using CreditPower.Grading.Domain;
using Xunit;

namespace CreditPower.UnitTests.Grading.WorkingDays;

/// <summary>Objection deadlines (DOMAIN.md §10) count working days: weekends, holidays and make-up workdays.</summary>
public sealed class WorkingDayCalendarTests
{
    // National Day 2026: Thursday 1 to Wednesday 7 October off, Saturday 10 October worked in exchange (调休).
    private static readonly WorkingDayCalendar _calendar = new(
        [Day("2026-10-01"), Day("2026-10-02"), Day("2026-10-05"), Day("2026-10-06"), Day("2026-10-07")],
        [Day("2026-10-10")]);

    [Theory]
    [InlineData("2026-11-25", 1, "2026-11-26")] // Wednesday → Thursday
    [InlineData("2026-11-27", 1, "2026-11-30")] // Friday → Monday: the weekend does not count
    [InlineData("2026-11-28", 1, "2026-11-30")] // submitted on a Saturday → Monday
    [InlineData("2026-11-27", 10, "2026-12-11")] // two weekends skipped
    [InlineData("2026-09-30", 1, "2026-10-08")] // the holiday week does not count
    [InlineData("2026-09-30", 10, "2026-10-20")] // holiday week skipped, the make-up Saturday counts
    [InlineData("2026-10-09", 1, "2026-10-10")] // Friday → the make-up Saturday
    [InlineData("2026-11-27", 0, "2026-11-27")]
    public void Adding_working_days_skips_weekends_and_holidays(string start, int workingDays, string expected)
    {
        Assert.Equal(Day(expected), _calendar.AddWorkingDays(Day(start), workingDays));
    }

    [Fact]
    public void Without_the_make_up_workday_the_ten_day_deadline_after_the_holiday_is_a_day_later()
    {
        var noMakeUp = new WorkingDayCalendar(
            [Day("2026-10-01"), Day("2026-10-02"), Day("2026-10-05"), Day("2026-10-06"), Day("2026-10-07")], []);

        Assert.Equal(Day("2026-10-21"), noMakeUp.AddWorkingDays(Day("2026-09-30"), 10));
    }

    [Theory]
    [InlineData("2026-10-03", false)] // Saturday in the holiday
    [InlineData("2026-10-05", false)] // Monday, public holiday
    [InlineData("2026-10-08", true)]
    [InlineData("2026-10-10", true)] // Saturday worked in exchange
    [InlineData("2026-10-11", false)]
    public void A_day_is_a_working_day_unless_weekend_or_holiday_but_make_up_days_are(string day, bool working)
    {
        Assert.Equal(working, _calendar.IsWorkingDay(Day(day)));
    }

    [Theory]
    // Thursday 23:30 in Beijing: one working day runs to the end of Friday.
    [InlineData("2026-11-26T15:30:00Z", "2026-11-28T00:00:00+08:00")]
    // Already Friday 00:30 in Beijing (still Thursday in UTC): one working day runs to the end of Monday.
    [InlineData("2026-11-26T16:30:00Z", "2026-12-01T00:00:00+08:00")]
    public void A_deadline_is_the_end_of_the_working_day_in_china_standard_time(string submittedAt, string expected)
    {
        var deadline = _calendar.DeadlineAfter(DateTimeOffset.Parse(submittedAt, CultureInfo.InvariantCulture), 1);

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), deadline);
        Assert.Equal(TimeSpan.FromHours(8), deadline.Offset);
    }

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}
