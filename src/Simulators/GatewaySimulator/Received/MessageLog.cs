using System.Collections.Concurrent;

namespace CreditPower.GatewaySimulator.Received;

/// <summary>
/// Everything the simulator accepted, in order, and how many per second per channel (the benchmark checks the provider
/// cap against these counts; the throttle uses them too).
/// </summary>
public sealed class MessageLog(TimeProvider clock)
{
    public const string Sms = "sms";
    public const string WeChat = "wechat";

    // In sequence order; message n sits at index n - 1 - _cleared. A list under the lock, so a poll for what is new reads
    // only that (skipping through a queue from its start cost the full path's poller more with every SMS received).
    private readonly List<ReceivedMessage> _messages = [];
    private readonly ConcurrentDictionary<(string Channel, long Second), int> _perSecond = new();
    private readonly Lock _sync = new();
    private long _sequence;
    private long _cleared;
    private readonly Dictionary<string, int> _byChannel = new(StringComparer.Ordinal);

    /// <summary>Counts one request against the second it arrives in; returns the count so far in that second.</summary>
    public int CountRequest(string channel) =>
        _perSecond.AddOrUpdate((channel, clock.GetUtcNow().ToUnixTimeSeconds()), 1, (_, count) => count + 1);

    public ReceivedMessage Add(string channel, string to, string? sign, string template, IReadOnlyDictionary<string, string> parameters,
        string? reference, string providerId, string? url)
    {
        lock (_sync)
        {
            var message = new ReceivedMessage(++_sequence, channel, to, sign, template, parameters, reference, providerId, url, clock.GetUtcNow());
            _messages.Add(message);
            _byChannel[channel] = _byChannel.GetValueOrDefault(channel) + 1;
            return message;
        }
    }

    /// <summary>How many messages of <paramref name="channel"/> the log holds.</summary>
    public int Count(string channel)
    {
        lock (_sync)
        {
            // Counted as they are added: /simulator/stats is polled while thousands arrive a second, under this lock.
            return _byChannel.GetValueOrDefault(channel);
        }
    }

    /// <summary>The newest <paramref name="count"/> messages, newest first.</summary>
    public IReadOnlyList<ReceivedMessage> Latest(int count)
    {
        lock (_sync)
        {
            var start = Math.Max(0, _messages.Count - count);
            var latest = _messages.GetRange(start, _messages.Count - start);
            latest.Reverse();
            return latest;
        }
    }

    /// <summary>The messages after <paramref name="sequence"/>, oldest first.</summary>
    public IReadOnlyList<ReceivedMessage> After(long sequence)
    {
        lock (_sync)
        {
            var start = (int)Math.Clamp(sequence - _cleared, 0, _messages.Count);
            return _messages.GetRange(start, _messages.Count - start);
        }
    }

    /// <summary>Requests per second and channel (accepted or refused), oldest first.</summary>
    public IEnumerable<(string Channel, long Second, int Count)> PerSecond =>
        _perSecond.Select(p => (p.Key.Channel, p.Key.Second, p.Value)).OrderBy(p => p.Second).ThenBy(p => p.Channel, StringComparer.Ordinal);

    public void Clear()
    {
        lock (_sync)
        {
            _messages.Clear();
            _byChannel.Clear();
            _cleared = _sequence;
        }

        _perSecond.Clear();
    }
}
