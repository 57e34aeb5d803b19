namespace CreditPower.Applications.Domain;

/// <summary>
/// Working days, letter dates and the DRC schedule are Beijing dates, not UTC ones: an application taken at 07:30 on a
/// Monday in Huaiyin is a Monday application even though UTC still says Sunday.
/// </summary>
public static class BeijingTime
{
    public static TimeZoneInfo Zone { get; } = FindShanghai();

    public static DateTimeOffset ToLocal(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow()).DateTime);

    /// <summary>The instant a Beijing date and time of day stand for, in UTC (what PostgreSQL stores).</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    // China has kept UTC+8 without daylight saving since 1991: the fixed offset stands in when tzdata is missing.
    private static TimeZoneInfo FindShanghai()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "Asia/Shanghai", "China Standard Time");
        }
    }
}
