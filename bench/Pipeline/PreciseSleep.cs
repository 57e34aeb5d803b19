using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CreditPower.Bench.Pipeline;

/// <summary>
/// Sleeps the calling thread to within tens of microseconds without spinning (Linux <c>nanosleep</c>): .NET's timers and
/// <see cref="Thread.Sleep(TimeSpan)"/> count whole milliseconds, too coarse to send 500 messages a second when they are due.
/// </summary>
internal static partial class PreciseSleep
{
    /// <summary>Returns at or just after the <see cref="Stopwatch"/> timestamp <paramref name="timestamp"/>.</summary>
    public static void Until(long timestamp)
    {
        // Again when a signal (the runtime sends some, to suspend threads for a GC) woke it early.
        while (Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp) is { Ticks: > 0 } wait)
        {
            _ = Nanosleep(new Timespec(wait.Ticks / TimeSpan.TicksPerSecond, wait.Ticks % TimeSpan.TicksPerSecond * 100), out _);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Timespec(long Seconds, long Nanoseconds);

    [LibraryImport("libc", EntryPoint = "nanosleep")]
    private static partial int Nanosleep(in Timespec request, out Timespec remaining);
}
