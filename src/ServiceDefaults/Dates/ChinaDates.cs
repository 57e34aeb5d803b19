using System.Globalization;

namespace CreditPower.ServiceDefaults.Dates;

/// <summary>
/// Beijing time for every date a person reads or a rule counts: letter dates, stage deadlines, quiet hours, the DRC
/// schedule, the portal's times. An application taken at 07:30 on a Monday in Huaiyin is a Monday application even
/// though UTC still says Sunday. China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact and
/// needs no tzdata: a server in UTC or a container without zone files reckons the same days.
/// </summary>
public static class ChinaDates
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The same instant as the Beijing wall clock shows it.</summary>
    public static DateTimeOffset Local(DateTimeOffset at) => at.ToOffset(Offset);

    public static DateTimeOffset Now(TimeProvider clock) => Local(clock.GetUtcNow());

    /// <summary>The Beijing calendar day <paramref name="at"/> falls on.</summary>
    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(Local(at).DateTime);

    public static DateOnly Today(TimeProvider clock) => Day(clock.GetUtcNow());

    /// <summary>
    /// The instant the Beijing wall clock shows <paramref name="time"/> on <paramref name="day"/>, in UTC: PostgreSQL
    /// takes only offset 0, so the value can go straight into a query or an entity.
    /// </summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time) => new DateTimeOffset(day.ToDateTime(time), Offset).ToUniversalTime();

    /// <summary>Midnight at the start of a Beijing day, in UTC (16:00 the day before).</summary>
    public static DateTimeOffset StartOf(DateOnly day) => At(day, TimeOnly.MinValue);

    /// <summary><c>2026年3月5日</c>, as letters and customer messages write a date.</summary>
    public static string Format(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Year}年{day.Month}月{day.Day}日");

    /// <summary><c>2026年3月5日</c>: the Beijing day of <paramref name="at"/>.</summary>
    public static string Format(DateTimeOffset at) => Format(Day(at));

    /// <summary><c>2026年3月5日 14:30</c>.</summary>
    public static string FormatWithTime(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{Format(at)} {Local(at):HH:mm}");

    /// <summary><c>2026-03-05</c>, as staff lists and problem details write a date.</summary>
    public static string Numeric(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><c>2026-03-05 14:30</c>.</summary>
    public static string NumericWithTime(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
