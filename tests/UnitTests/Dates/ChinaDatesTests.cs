using CreditPower.ServiceDefaults.Dates;
using Xunit;

namespace CreditPower.UnitTests.Dates;

/// <summary>Beijing dates whatever the server's zone: the day, the instant of a wall-clock time, how dates are written.</summary>
public sealed class ChinaDatesTests
{
    private static DateTimeOffset Utc(string value) => DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // Sunday 23:30 UTC is already Monday 07:30 in Beijing.
    [InlineData("2026-11-29T23:30:00Z", "2026-11-30")]
    [InlineData("2026-11-29T15:59:59Z", "2026-11-29")]
    [InlineData("2026-11-29T16:00:00Z", "2026-11-30")]
    public void The_day_is_the_beijing_calendar_day(string at, string day) =>
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), ChinaDates.Day(Utc(at)));

    [Fact]
    public void A_beijing_wall_clock_time_is_answered_in_utc_ready_for_postgresql()
    {
        var at = ChinaDates.At(new DateOnly(2026, 3, 5), new TimeOnly(9, 0));

        Assert.Equal(Utc("2026-03-05T01:00:00Z"), at);
        Assert.Equal(TimeSpan.Zero, at.Offset);
        Assert.Equal(Utc("2026-03-04T16:00:00Z"), ChinaDates.StartOf(new DateOnly(2026, 3, 5)));
    }

    [Fact]
    public void Dates_are_written_on_the_beijing_clock()
    {
        // 17:05 UTC on 4 March is 01:05 on 5 March in Beijing.
        var at = Utc("2026-03-04T17:05:00Z");

        Assert.Equal("2026年3月5日", ChinaDates.Format(at));
        Assert.Equal("2026年3月5日 01:05", ChinaDates.FormatWithTime(at));
        Assert.Equal("2026-03-05", ChinaDates.Numeric(at));
        Assert.Equal("2026-03-05 01:05", ChinaDates.NumericWithTime(at));
        Assert.Equal("2026年12月31日", ChinaDates.Format(new DateOnly(2026, 12, 31)));
    }
}
