using System.Globalization;
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

    /// <summary>Why an entry waits, as staff read it in the contact log: the configured hours and when it goes out.</summary>
    public static string HeldReason(TimeOnly start, TimeOnly end, DateTimeOffset until) =>
        string.Create(CultureInfo.InvariantCulture, $"免打扰时段（{start:HH:mm}–{end:HH:mm}），顺延至 {ChinaDates.NumericWithTime(until)} 发送");
}
