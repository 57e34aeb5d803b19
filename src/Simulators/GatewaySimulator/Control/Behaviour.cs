using CreditPower.GatewaySimulator.Received;

namespace CreditPower.GatewaySimulator.Control;

/// <summary>
/// How the simulated providers misbehave right now, as tests and the benchmark set it: injected failures, added latency,
/// a per-second throttle, unsubscribed WeChat users.
/// </summary>
public sealed class Behaviour(MessageLog log)
{
    private readonly Lock _lock = new();
    private readonly List<FaultRule> _faults = [];
    private readonly HashSet<string> _unsubscribed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> _latency = new(StringComparer.Ordinal);

    /// <summary>Requests per second per channel beyond which the provider answers "throttled"; null for no limit.</summary>
    public int? ThrottlePerSecond { get; set; }

    internal void AddFault(string channel, string? to, string code, int count)
    {
        lock (_lock)
        {
            _faults.Add(new FaultRule(channel, to, code, count));
        }
    }

    /// <summary>The injected failure for this request, if one is pending (it is used up).</summary>
    public string? TakeFault(string channel, string to)
    {
        lock (_lock)
        {
            var rule = _faults.FirstOrDefault(f => f.Matches(channel, to));
            if (rule is null)
            {
                return null;
            }

            rule.Remaining--;
            _faults.RemoveAll(f => f.Remaining <= 0);
            return rule.Code;
        }
    }

    /// <summary>Counts the request and says whether it is over this second's throttle.</summary>
    public bool IsThrottled(string channel)
    {
        var count = log.CountRequest(channel);
        return ThrottlePerSecond is { } limit && count > limit;
    }

    /// <summary>Adds <paramref name="latency"/> to every request of <paramref name="channel"/> from now on.</summary>
    public void SetLatency(string channel, TimeSpan latency)
    {
        lock (_lock)
        {
            _latency[channel] = latency;
        }
    }

    public Task DelayAsync(string channel, CancellationToken cancellationToken)
    {
        TimeSpan latency;
        lock (_lock)
        {
            latency = _latency.GetValueOrDefault(channel);
        }

        return latency > TimeSpan.Zero ? Task.Delay(latency, cancellationToken) : Task.CompletedTask;
    }

    public void SetSubscribed(string openId, bool subscribed)
    {
        lock (_lock)
        {
            if (subscribed)
            {
                _unsubscribed.Remove(openId);
            }
            else
            {
                _unsubscribed.Add(openId);
            }
        }
    }

    public bool IsUnsubscribed(string openId)
    {
        lock (_lock)
        {
            return _unsubscribed.Contains(openId);
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _faults.Clear();
            _unsubscribed.Clear();
            _latency.Clear();
        }

        ThrottlePerSecond = null;
    }
}
