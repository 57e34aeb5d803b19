using CreditPower.ServiceDefaults.Dates;

namespace CreditPower.Notifications.Features.Dispatch;

/// <summary>Quiet hours (21:00–08:00 by default), reckoned on the customers' Beijing wall clock whatever the server's zone.</summary>
internal static class QuietHours
{
    /// <summary>When the quiet period that contains <paramref name="now"/> ends, in UTC; null when <paramref name="now"/> is not in one.</summary>
    public static DateTimeOffset? HeldUntil(DateTimeOffset now, TimeOnly start, TimeOnly end)
    {
        if (start == end)
        {
            return null;
        }

        var local = ChinaDates.Local(now);
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

        return ChinaDates.At(endDate, end);
    }
}
