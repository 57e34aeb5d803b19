using CreditPower.Notifications.Features.Dispatch;
using Xunit;

namespace CreditPower.UnitTests.Notifications;

/// <summary>DOMAIN.md §6: no SMS or WeChat between 21:00 and 08:00 Beijing time (by default); held to the end.</summary>
public sealed class QuietHoursTests
{
    private static readonly TimeOnly _start = new(21, 0);
    private static readonly TimeOnly _end = new(8, 0);

    [Theory]
    [InlineData("2026-11-28T08:00:00+08:00")]
    [InlineData("2026-11-28T12:30:00+08:00")]
    [InlineData("2026-11-28T20:59:59+08:00")]
    public void Daytime_is_not_held(string beijing) =>
        Assert.Null(QuietHours.HeldUntil(DateTimeOffset.Parse(beijing, System.Globalization.CultureInfo.InvariantCulture), _start, _end));

    [Theory]
    [InlineData("2026-11-28T21:00:00+08:00", "2026-11-29T08:00:00+08:00")]
    [InlineData("2026-11-28T22:30:00+08:00", "2026-11-29T08:00:00+08:00")]
    [InlineData("2026-11-28T23:59:59+08:00", "2026-11-29T08:00:00+08:00")]
    [InlineData("2026-11-29T00:00:00+08:00", "2026-11-29T08:00:00+08:00")]
    [InlineData("2026-11-29T07:59:59+08:00", "2026-11-29T08:00:00+08:00")]
    [InlineData("2026-12-31T23:00:00+08:00", "2027-01-01T08:00:00+08:00")]
    public void Night_is_held_to_eight_in_the_morning_beijing_time(string beijing, string until)
    {
        var held = QuietHours.HeldUntil(DateTimeOffset.Parse(beijing, System.Globalization.CultureInfo.InvariantCulture), _start, _end);

        Assert.Equal(DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture), held);
        Assert.Equal(TimeSpan.Zero, held!.Value.Offset);
    }

    [Fact]
    public void The_server_clock_being_in_utc_changes_nothing()
    {
        // 14:30 UTC is 22:30 in Beijing.
        var held = QuietHours.HeldUntil(new DateTimeOffset(2026, 11, 28, 14, 30, 0, TimeSpan.Zero), _start, _end);

        Assert.Equal(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero), held);
    }

    [Fact]
    public void Configured_hours_hold_to_their_own_end()
    {
        // 22:00–06:30: at 06:00 Beijing time the entry waits for 06:30, not for 08:00.
        var held = QuietHours.HeldUntil(new DateTimeOffset(2026, 11, 29, 6, 0, 0, TimeSpan.FromHours(8)), new TimeOnly(22, 0), new TimeOnly(6, 30));

        Assert.Equal(new DateTimeOffset(2026, 11, 29, 6, 30, 0, TimeSpan.FromHours(8)), held);
    }

    [Fact]
    public void The_reason_staff_read_names_the_configured_hours_and_when_it_goes_out()
    {
        var reason = QuietHours.HeldReason(new TimeOnly(22, 0), new TimeOnly(6, 30), new DateTimeOffset(2026, 11, 28, 22, 30, 0, TimeSpan.Zero));

        Assert.Equal("免打扰时段（22:00–06:30），顺延至 2026-11-29 06:30 发送", reason);
    }

    [Fact]
    public void Equal_start_and_end_means_no_quiet_hours() =>
        Assert.Null(QuietHours.HeldUntil(new DateTimeOffset(2026, 11, 28, 14, 30, 0, TimeSpan.Zero), _start, _start));

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(6, 960)]
    [InlineData(20, 3600)]
    public void Retries_back_off_exponentially_up_to_the_cap(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetrySchedule.After(attempts, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1)));
}
