using StackExchange.Redis;

namespace CreditPower.Notifications.Channels;

/// <summary>
/// The provider's QPS cap, shared by every replica: a token bucket in Redis (GCRA — one "theoretical arrival time" per
/// provider, timed by Redis's own clock so replicas' clocks need not agree). In any window of t seconds at most
/// rate·t + burst permits are handed out, so the rate is set to the cap less the burst (and 2 % for the jitter between a
/// permit and its request reaching the provider): no second of Redis time ever exceeds the cap. A round takes its
/// permits up to a burst at a time, one call to Redis for them all (a call a message was the largest wait between a
/// dispatch round's claim and its first send at 500 a second: bench/Pipeline).
/// </summary>
internal sealed class ProviderRateLimiter(IConnectionMultiplexer redis)
{
    // KEYS[1] bucket; ARGV[1] µs between permits; ARGV[2] burst tolerance in µs; ARGV[3] permits wanted.
    // Returns minus Redis's time in µs when the permits are granted, else the µs to wait before they can be.
    private static readonly LuaScript _take = LuaScript.Prepare("""
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local interval = tonumber(@interval)
        local burst = tonumber(@burst)
        local tat = tonumber(redis.call('GET', @key) or '0')
        if tat < now then tat = now end
        local after = tat + interval * tonumber(@count)
        if after - now > burst + interval then
          return math.max(1, math.ceil(after - now - burst - interval))
        end
        redis.call('SET', @key, string.format('%.0f', after), 'PX', math.floor((after - now) / 1000) + 1000)
        return -now
        """);

    /// <summary>The most permits one call can take under <paramref name="perSecond"/>: the burst the cap allows.</summary>
    public static int MaxAtOnce(int perSecond) => Math.Max(1, perSecond / 50);

    /// <summary>
    /// Waits until the provider may take <paramref name="count"/> more requests (at most <see cref="MaxAtOnce"/>) under
    /// <paramref name="perSecond"/>; returns when, in Redis's time.
    /// </summary>
    public async Task<DateTimeOffset> WaitAsync(string provider, int perSecond, int count, CancellationToken cancellationToken)
    {
        var burst = MaxAtOnce(perSecond);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, burst);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var rate = Math.Max(1, perSecond - burst - 1 - perSecond / 50);
        var interval = 1_000_000.0 / rate;
        var db = redis.GetDatabase();
        while (true)
        {
            var answer = (long)await db.ScriptEvaluateAsync(_take, new
            {
                key = (RedisKey)$"notifications:rate:{provider}",
                interval = interval.ToString("F3", System.Globalization.CultureInfo.InvariantCulture),
                burst = (burst * interval).ToString("F3", System.Globalization.CultureInfo.InvariantCulture),
                count,
            });
            if (answer < 0)
            {
                return DateTimeOffset.UnixEpoch.AddTicks(-answer * 10);
            }

            await Task.Delay(TimeSpan.FromTicks(Math.Max(answer * 10, TimeSpan.TicksPerMillisecond)), cancellationToken);
        }
    }
}
