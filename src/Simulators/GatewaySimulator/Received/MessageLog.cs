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

    private readonly ConcurrentQueue<ReceivedMessage> _messages = new();
    private readonly ConcurrentDictionary<(string Channel, long Second), int> _perSecond = new();
    private readonly Lock _adding = new();
    private long _sequence;

    /// <summary>Counts one request against the second it arrives in; returns the count so far in that second.</summary>
    public int CountRequest(string channel) =>
        _perSecond.AddOrUpdate((channel, clock.GetUtcNow().ToUnixTimeSeconds()), 1, (_, count) => count + 1);

    public ReceivedMessage Add(string channel, string to, string? sign, string template, IReadOnlyDictionary<string, string> parameters,
        string? reference, string providerId, string? url)
    {
        // Numbered and queued together, so the queue is in sequence order and a poller reading after a sequence misses none.
        lock (_adding)
        {
            var message = new ReceivedMessage(++_sequence, channel, to, sign, template, parameters, reference, providerId, url, clock.GetUtcNow());
            _messages.Enqueue(message);
            return message;
        }
    }

    public IEnumerable<ReceivedMessage> All => _messages;

    /// <summary>The messages after <paramref name="sequence"/>; the queue is in sequence order, so the read stops early on nothing.</summary>
    public IEnumerable<ReceivedMessage> After(long sequence) => _messages.SkipWhile(m => m.Sequence <= sequence);

    /// <summary>Requests per second and channel (accepted or refused), oldest first.</summary>
    public IEnumerable<(string Channel, long Second, int Count)> PerSecond =>
        _perSecond.Select(p => (p.Key.Channel, p.Key.Second, p.Value)).OrderBy(p => p.Second).ThenBy(p => p.Channel, StringComparer.Ordinal);

    public void Clear()
    {
        _messages.Clear();
        _perSecond.Clear();
    }
}
