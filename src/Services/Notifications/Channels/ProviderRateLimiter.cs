using StackExchange.Redis;

namespace CreditPower.Notifications.Channels;

/// <summary>
/// The provider's QPS cap, shared by every replica: a token bucket in Redis (GCRA — one "theoretical arrival time" per
/// provider, timed by Redis's own clock so replicas' clocks need not agree). In any window of t seconds at most
/// rate·t + burst permits are handed out, so the rate is set to the cap less the burst (and 2 % for the jitter between a
/// permit and its request reaching the provider): no second of Redis time ever exceeds the cap.
/// </summary>
internal sealed class ProviderRateLimiter(IConnectionMultiplexer redis)
{
    // KEYS[1] bucket; ARGV[1] µs between permits; ARGV[2] burst tolerance in µs.
    // Returns minus Redis's time in µs when a permit is granted, else the µs to wait before one can be.
    private static readonly LuaScript _take = LuaScript.Prepare("""
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local interval = tonumber(@interval)
        local burst = tonumber(@burst)
        local tat = tonumber(redis.call('GET', @key) or '0')
        if tat < now then tat = now end
        local after = tat + interval
        if after - now > burst + interval then
          return math.max(1, math.ceil(after - now - burst - interval))
        end
        redis.call('SET', @key, string.format('%.0f', after), 'PX', math.floor((after - now) / 1000) + 1000)
        return -now
        """);

    /// <summary>Waits until the provider may take one more request under <paramref name="perSecond"/>; returns when, in Redis's time.</summary>
    public async Task<DateTimeOffset> WaitAsync(string provider, int perSecond, CancellationToken cancellationToken)
    {
        var burst = Math.Max(1, perSecond / 50);
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
            });
            if (answer < 0)
            {
                return DateTimeOffset.UnixEpoch.AddTicks(-answer * 10);
            }

            await Task.Delay(TimeSpan.FromTicks(Math.Max(answer * 10, TimeSpan.TicksPerMillisecond)), cancellationToken);
        }
    }
}
