namespace CreditPower.Notifications.Features.Dispatch;

/// <summary>Quiet hours (21:00–08:00 Beijing time by default), reckoned in the customers' zone whatever the server's.</summary>
internal static class QuietHours
{
    /// <summary>When the quiet period that contains <paramref name="now"/> ends; null when <paramref name="now"/> is not in one.</summary>
    public static DateTimeOffset? HeldUntil(DateTimeOffset now, TimeOnly start, TimeOnly end, TimeZoneInfo zone)
    {
        if (start == end)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var wraps = start > end;
        var quiet = wraps ? time >= start || time < end : time >= start && time < end;
        if (!quiet)
        {
            return null;
        }

        var endDate = DateOnly.FromDateTime(local.DateTime);
        if (wraps && time >= start)
        {
            endDate = endDate.AddDays(1);
        }

        var endLocal = endDate.ToDateTime(end);
        return new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal)).ToUniversalTime();
    }
}
