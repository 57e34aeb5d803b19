using CreditPower.ServiceDefaults.Dates;

namespace CreditPower.IntegrationTests.Hosting;

/// <summary>
/// A clock a test can move: real time plus an offset, so time still flows (timeouts, delays and back-offs behave) while
/// a test sets "now" to 22:30 Beijing time. Notifications and the gateway simulator share it, as if the world's clock
/// had moved for both. It only ever moves forward, so nothing already scheduled finds itself in the future.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves forward to the next moment the Beijing wall clock shows <paramref name="time"/>.</summary>
    public DateTimeOffset AdvanceToBeijingTime(TimeOnly time)
    {
        var now = GetUtcNow();
        var local = ChinaDates.Local(now);
        var target = new DateTimeOffset(DateOnly.FromDateTime(local.DateTime).ToDateTime(time), local.Offset);
        if (target <= local)
        {
            target = target.AddDays(1);
        }

        Interlocked.Add(ref _offsetTicks, (target - now).Ticks);
        return target.ToUniversalTime();
    }
}
