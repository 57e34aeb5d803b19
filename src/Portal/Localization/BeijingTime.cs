namespace CreditPower.Portal.Localization;

/// <summary>Staff read times in Beijing time, whatever time zone the server runs in (often UTC).</summary>
internal static class BeijingTime
{
    private static readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset Now(TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone);
}
