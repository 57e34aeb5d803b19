using System.Collections.Concurrent;

namespace CreditPower.GatewaySimulator.Sms;

/// <summary>
/// Remembers each SignatureNonce for as long as its request's Timestamp would still pass the timestamp check, so a
/// replayed request is refused like Alibaba does. A nonce is forgotten only once its Timestamp is further in the past
/// than the tolerance: from then on the timestamp check refuses the replay, so no window opens between the two.
/// </summary>
internal sealed class NonceCache(TimeProvider clock)
{
    private static readonly TimeSpan _sweepInterval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _timestamps = new(StringComparer.Ordinal);
    private long _longestToleranceTicks;
    private long _nextSweepTicks;

    /// <summary>How many nonces are remembered now.</summary>
    internal int Count => _timestamps.Count;

    /// <summary>
    /// True the first time <paramref name="nonce"/> is seen while remembered. <paramref name="timestamp"/> is the
    /// request's (already within <paramref name="tolerance"/> of now); <paramref name="tolerance"/> the one it was checked against.
    /// </summary>
    public bool TryUse(string nonce, DateTimeOffset timestamp, TimeSpan tolerance)
    {
        // The longest tolerance ever applied: one raised at run time must not accept a nonce forgotten under a shorter one.
        var longest = TimeSpan.FromTicks(InterlockedMax(ref _longestToleranceTicks, tolerance.Ticks));
        var now = clock.GetUtcNow();
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks >= due && Interlocked.CompareExchange(ref _nextSweepTicks, (now + _sweepInterval).UtcTicks, due) == due)
        {
            foreach (var (key, at) in _timestamps)
            {
                if (now - at > longest)
                {
                    _timestamps.TryRemove(key, out _);
                }
            }
        }

        return _timestamps.TryAdd(nonce, timestamp);
    }

    private static long InterlockedMax(ref long location, long value)
    {
        var current = Interlocked.Read(ref location);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current)
            {
                return value;
            }

            current = seen;
        }

        return current;
    }
}
