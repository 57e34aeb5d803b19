using System.Collections.Concurrent;

namespace CreditPower.GatewaySimulator.Sms;

/// <summary>Remembers SignatureNonce values for the timestamp window, so a replayed request is refused like Alibaba does.</summary>
internal sealed class NonceCache(TimeProvider clock)
{
    private static readonly TimeSpan _window = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private long _calls;

    /// <summary>True the first time a nonce is seen within the window.</summary>
    public bool TryUse(string nonce)
    {
        var now = clock.GetUtcNow();
        if (Interlocked.Increment(ref _calls) % 10_000 == 0)
        {
            foreach (var (key, at) in _seen)
            {
                if (now - at > _window)
                {
                    _seen.TryRemove(key, out _);
                }
            }
        }

        return _seen.TryAdd(nonce, now);
    }
}
