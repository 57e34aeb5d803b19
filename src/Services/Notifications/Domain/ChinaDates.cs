using System.Globalization;

namespace CreditPower.Notifications.Domain;

/// <summary>
/// Dates as a customer in Huaiyin reads them. China Standard Time has no daylight saving, so a fixed +08:00 offset is
/// exact; weekends are the non-working days (public holidays are not modelled here).
/// </summary>
public static class ChinaDates
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Local(DateTimeOffset at) => at.ToOffset(Offset);

    /// <summary><c>2026年3月5日</c>.</summary>
    public static string Format(DateTimeOffset at) => Format(DateOnly.FromDateTime(Local(at).DateTime));

    public static string Format(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Year}年{day.Month}月{day.Day}日");

    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The <paramref name="workingDays"/>-th working day after <paramref name="start"/> (the start day never counts).</summary>
    public static DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>The instant <paramref name="time"/> China time on <paramref name="day"/>.</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time) => new(day.ToDateTime(time), Offset);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(Local(now).DateTime);
}
