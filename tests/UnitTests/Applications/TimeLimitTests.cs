using CreditPower.Applications.Domain;
using CreditPower.UnitTests.Dates;
using Xunit;

namespace CreditPower.UnitTests.Applications;

/// <summary>Stage time limits: working days counted in Beijing on the shared calendar (weekends and holidays skipped); hours as elapsed time.</summary>
public sealed class TimeLimitTests
{
    [Theory]
    // Friday 15:00 Beijing + 1 working day: due at the end of Monday (Tuesday 00:00 Beijing = Monday 16:00 UTC).
    [InlineData("2026-11-27T07:00:00Z", 1, "2026-11-30T16:00:00Z")]
    // Monday 10:00 Beijing + 2 working days: the end of Wednesday.
    [InlineData("2026-11-30T02:00:00Z", 2, "2026-12-02T16:00:00Z")]
    // Sunday 23:30 UTC is already Monday 07:30 in Beijing: + 1 working day is the end of Tuesday.
    [InlineData("2026-11-29T23:30:00Z", 1, "2026-12-01T16:00:00Z")]
    // Saturday + 5 working days: Monday to Friday of the next week.
    [InlineData("2026-11-28T04:00:00Z", 5, "2026-12-04T16:00:00Z")]
    public void Working_days_skip_weekends_and_end_at_midnight_beijing(string enteredAt, int days, string due) =>
        Assert.Equal(Utc(due), new TimeLimit(days, TimeLimitUnit.WorkingDays).DueFrom(Utc(enteredAt), ShippedCalendar.Instance));

    [Theory]
    // Accepted Wednesday 30 September 2026, 10:00 Beijing; the site survey's 2 working days are 8 and 9 October, not 1 and 2.
    [InlineData("2026-09-30T02:00:00Z", 2, "2026-10-09T16:00:00Z")]
    // The supply plan's 10 working days over 国庆 count Saturday 10 October, worked in exchange: the end of 20 October.
    [InlineData("2026-09-30T02:00:00Z", 10, "2026-10-20T16:00:00Z")]
    // Friday 13 February + 2: Saturday 14 February (worked), then 春节 until 23 February: the end of 24 February.
    [InlineData("2026-02-13T02:00:00Z", 2, "2026-02-24T16:00:00Z")]
    public void Working_days_skip_public_holidays_and_count_make_up_days(string enteredAt, int days, string due) =>
        Assert.Equal(Utc(due), new TimeLimit(days, TimeLimitUnit.WorkingDays).DueFrom(Utc(enteredAt), ShippedCalendar.Instance));

    [Fact]
    public void Hours_are_elapsed_time_weekend_or_holiday()
    {
        var saturdayNight = new DateTimeOffset(2026, 11, 28, 14, 0, 0, TimeSpan.Zero);
        var nationalDay = new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.Zero);

        Assert.Equal(saturdayNight.AddHours(8), new TimeLimit(8, TimeLimitUnit.Hours).DueFrom(saturdayNight, ShippedCalendar.Instance));
        Assert.Equal(nationalDay.AddHours(8), new TimeLimit(8, TimeLimitUnit.Hours).DueFrom(nationalDay, ShippedCalendar.Instance));
    }

    [Fact]
    public void Limits_read_as_staff_say_them() =>
        Assert.Equal(["2 个工作日", "8 小时"], [new TimeLimit(2, TimeLimitUnit.WorkingDays).Describe(), new TimeLimit(8, TimeLimitUnit.Hours).Describe()]);

    private static DateTimeOffset Utc(string value) => DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
