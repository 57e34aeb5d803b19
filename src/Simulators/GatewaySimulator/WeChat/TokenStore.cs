using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CreditPower.GatewaySimulator.WeChat;

/// <summary>
/// Access tokens as the stable_token endpoint hands them out: the same token while it is valid (unless a refresh is
/// forced), a new one after. Tests can expire (42001) or revoke (40001) every token issued so far.
/// </summary>
public sealed class TokenStore(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset ExpiresAt, int? Invalidation)> _tokens = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private string? _current;
    private int _issued;

    /// <summary>How many stable_token calls produced a new token (the test of a shared token counts these).</summary>
    public int Issued => Volatile.Read(ref _issued);

    /// <summary>How many stable_token calls were answered at all.</summary>
    public int Requests { get; private set; }

    public (string Token, int ExpiresIn) Get(bool forceRefresh, int lifetimeSeconds)
    {
        lock (_lock)
        {
            Requests++;
            var now = clock.GetUtcNow();
            if (!forceRefresh && _current is not null && _tokens.TryGetValue(_current, out var current)
                && current.Invalidation is null && current.ExpiresAt > now)
            {
                return (_current, (int)(current.ExpiresAt - now).TotalSeconds);
            }

            _current = Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)).Replace('+', '_').Replace('/', '-').TrimEnd('=');
            _tokens[_current] = (now.AddSeconds(lifetimeSeconds), null);
            Interlocked.Increment(ref _issued);
            return (_current, lifetimeSeconds);
        }
    }

    /// <summary>0 when the token is good, else WeChat's errcode: 40001 invalid, 42001 expired.</summary>
    public int Check(string? token)
    {
        if (token is null || !_tokens.TryGetValue(token, out var entry))
        {
            return 40001;
        }

        return entry.Invalidation ?? (entry.ExpiresAt <= clock.GetUtcNow() ? 42001 : 0);
    }

    /// <summary>Makes every token issued so far answer <paramref name="errcode"/> (40001 or 42001).</summary>
    public void InvalidateAll(int errcode)
    {
        foreach (var token in _tokens.Keys)
        {
            _tokens[token] = (_tokens[token].ExpiresAt, errcode);
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _tokens.Clear();
            _current = null;
            _issued = 0;
            Requests = 0;
        }
    }
}
