namespace CreditPower.Notifications.Features.Dispatch;

/// <summary>Exponential back-off: base, 2×base, 4×base… capped.</summary>
internal static class RetrySchedule
{
    public static TimeSpan After(int attempts, TimeSpan baseDelay, TimeSpan maxDelay) =>
        TimeSpan.FromTicks((long)Math.Min(maxDelay.Ticks, baseDelay.Ticks * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30))));
}
