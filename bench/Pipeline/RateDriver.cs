using System.Diagnostics;

namespace CreditPower.Bench.Pipeline;

/// <summary>
/// Sends at a fixed rate: message k is due at start + k / rate and its send starts then, without waiting for earlier
/// sends (a publisher's callers do not queue behind each other either). Samples the backlog once a second.
/// </summary>
internal static class RateDriver
{
    private static readonly TimeSpan _drainTimeout = TimeSpan.FromSeconds(60);

    public static async Task<RunResult> RunAsync(
        string name, int rate, int seconds, int warmupSeconds, LatencyRecorder recorder, Func<int, Task> send, CancellationToken cancellationToken)
    {
        var warmup = rate * warmupSeconds;
        var total = recorder.Count;
        long sendErrors = 0;
        long pendingSends = 0;
        var backlog = new List<long>();
        long maxQueue = 0;
        var maxLag = 0.0;
        var process = Process.GetCurrentProcess();

        async Task SendOne(int sequence)
        {
            try
            {
                await send(sequence);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (Interlocked.Increment(ref sendErrors) <= 3)
                {
                    await Console.Error.WriteLineAsync($"    send {sequence} failed: {ex.GetType().Name}: {ex.Message}");
                }
            }
            finally
            {
                Interlocked.Decrement(ref pendingSends);
            }
        }

        var start = Stopwatch.GetTimestamp();
        long DueAt(int k) => start + (long)((double)k * Stopwatch.Frequency / rate);
        var next = 0;
        var nextSample = start + Stopwatch.Frequency * (warmupSeconds + 1L);
        (TimeSpan Cpu, int Gen0, int Gen1, int Gen2, TimeSpan Pause, long At)? measuredFrom = null;
        // Paced on a thread of its own that sleeps to each due time (PreciseSleep): Task.Delay rounds a wait under 1 ms down to
        // none, so an async loop either spun on the clock until the next message was due (a third of the bench's CPU, on the
        // machine the services share) or sent each a timer tick late.
        await Task.Factory.StartNew(Pace, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        void Pace()
        {
            while (next < total)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var now = Stopwatch.GetTimestamp();
                if (next < total && DueAt(next) <= now)
                {
                    maxLag = next >= warmup ? Math.Max(maxLag, Stopwatch.GetElapsedTime(DueAt(next), now).TotalMilliseconds) : maxLag;
                }

                while (next < total && DueAt(next) <= now)
                {
                    if (next == warmup)
                    {
                        process.Refresh();
                        measuredFrom = (process.TotalProcessorTime, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), now);
                    }

                    recorder.Due(next, DueAt(next));
                    Interlocked.Increment(ref pendingSends);
                    _ = SendOne(next);
                    next++;
                }

                if (now >= nextSample)
                {
                    backlog.Add(next - recorder.Arrivals);
                    // Once a second too: the count walks every worker's queue (a seventh of the bench's CPU when read each turn).
                    maxQueue = Math.Max(maxQueue, ThreadPool.PendingWorkItemCount);
                    nextSample += Stopwatch.Frequency;
                }

                if (next < total)
                {
                    PreciseSleep.Until(DueAt(next));
                }
            }
        }

        process.Refresh();
        var ended = Stopwatch.GetTimestamp();
        var from = measuredFrom ?? (TimeSpan.Zero, 0, 0, 0, TimeSpan.Zero, start);
        var cpu = (process.TotalProcessorTime - from.Cpu) / Stopwatch.GetElapsedTime(from.At, ended);
        var gen0 = GC.CollectionCount(0) - from.Gen0;
        var gen1 = GC.CollectionCount(1) - from.Gen1;
        var gen2 = GC.CollectionCount(2) - from.Gen2;
        var pause = GC.GetTotalPauseDuration() - from.Pause;

        var drainUntil = Stopwatch.GetTimestamp() + (long)(_drainTimeout.TotalSeconds * Stopwatch.Frequency);
        while ((recorder.Arrivals < total || Interlocked.Read(ref pendingSends) > 0) && Stopwatch.GetTimestamp() < drainUntil)
        {
            await Task.Delay(20, cancellationToken);
        }

        // Late duplicates would arrive within a moment of the last message; give them that moment.
        await Task.Delay(500, cancellationToken);
        return new RunResult
        {
            Name = name,
            Rate = rate,
            Seconds = seconds,
            Measured = total - warmup,
            LatenciesMs = recorder.LatenciesMs(warmup),
            Missing = total - recorder.Arrivals - Interlocked.Read(ref sendErrors),
            Duplicates = recorder.Duplicates,
            RedeliveriesDropped = recorder.RedeliveriesDropped,
            SendErrors = Interlocked.Read(ref sendErrors),
            Backlog = backlog,
            MaxScheduleLagMs = maxLag,
            CpuCores = cpu,
            Gen0 = gen0,
            Gen1 = gen1,
            Gen2 = gen2,
            GcPauseMs = pause.TotalMilliseconds,
            MaxThreadPoolQueue = maxQueue,
            Load = Machine.LoadAverage(),
        };
    }
}
