using CreditPower.Applications.Domain;
using Xunit;

namespace CreditPower.UnitTests.Applications;

/// <summary>Stage time limits: working days counted in Beijing, skipping weekends; hours as elapsed time.</summary>
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
    public void Working_days_skip_weekends_and_end_at_midnight_beijing(string enteredAt, int days, string due)
    {
        var limit = new TimeLimit(days, TimeLimitUnit.WorkingDays);

        Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture), limit.DueFrom(DateTimeOffset.Parse(enteredAt, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Hours_are_elapsed_time_weekend_or_not()
    {
        var saturdayNight = new DateTimeOffset(2026, 11, 28, 14, 0, 0, TimeSpan.Zero);

        Assert.Equal(saturdayNight.AddHours(8), new TimeLimit(8, TimeLimitUnit.Hours).DueFrom(saturdayNight));
    }

    [Fact]
    public void Limits_read_as_staff_say_them() =>
        Assert.Equal(["2 个工作日", "8 小时"], [new TimeLimit(2, TimeLimitUnit.WorkingDays).Describe(), new TimeLimit(8, TimeLimitUnit.Hours).Describe()]);
}
