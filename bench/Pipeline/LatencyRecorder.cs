using System.Diagnostics;

namespace CreditPower.Bench.Pipeline;

/// <summary>
/// When each message of one run was due to be sent and when it arrived. Latency is taken from the due time, not the
/// moment the send began, so a publisher that falls behind shows up in the figures instead of hiding them.
/// </summary>
public sealed class LatencyRecorder(int run, int count)
{
    private readonly long[] _due = new long[count];
    private readonly long[] _arrived = new long[count];
    private long _arrivals;
    private long _duplicates;
    private long _redeliveriesDropped;

    public int Run { get; } = run;

    public int Count => count;

    public long Arrivals => Interlocked.Read(ref _arrivals);

    /// <summary>Messages that arrived more than once at the application (after the inbox, if there is one).</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Redeliveries the consumer's inbox recognised and dropped.</summary>
    public long RedeliveriesDropped => Interlocked.Read(ref _redeliveriesDropped);

    public void Due(int sequence, long timestamp) => _due[sequence] = timestamp;

    /// <summary>When message <paramref name="sequence"/> was due, as a <see cref="Stopwatch"/> timestamp (0: not yet).</summary>
    public long DueAt(int sequence) => _due[sequence];

    /// <summary>When message <paramref name="sequence"/> arrived, as a <see cref="Stopwatch"/> timestamp (0: not yet).</summary>
    public long ArrivedAt(int sequence) => Volatile.Read(ref _arrived[sequence]);

    public void Arrived(int sequence) => Arrived(sequence, Stopwatch.GetTimestamp());

    /// <summary>An arrival observed elsewhere (the gateway simulator's receive time), as a <see cref="Stopwatch"/> timestamp.</summary>
    public void Arrived(int sequence, long timestamp)
    {
        if (Interlocked.CompareExchange(ref _arrived[sequence], timestamp, 0) == 0)
        {
            Interlocked.Increment(ref _arrivals);
        }
        else
        {
            Interlocked.Increment(ref _duplicates);
        }
    }

    public void RedeliveryDropped() => Interlocked.Increment(ref _redeliveriesDropped);

    /// <summary>Latencies in milliseconds, sorted, of the messages from <paramref name="from"/> on (to <paramref name="to"/>) that arrived.</summary>
    public double[] LatenciesMs(int from, int? to = null)
    {
        var end = to ?? count;
        var latencies = new List<double>(end - from);
        for (var i = from; i < end; i++)
        {
            var arrived = Volatile.Read(ref _arrived[i]);
            if (arrived != 0)
            {
                latencies.Add(Stopwatch.GetElapsedTime(_due[i], arrived).TotalMilliseconds);
            }
        }

        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}
