using System.Runtime.InteropServices;

namespace CreditPower.Bench.Pipeline;

/// <summary>
/// Sleeps the calling thread to within tens of microseconds without spinning (Linux <c>nanosleep</c>): .NET's timers and
/// <see cref="Thread.Sleep(TimeSpan)"/> count whole milliseconds, too coarse to send 500 messages a second when they are due.
/// </summary>
internal static partial class PreciseSleep
{
    public static void For(TimeSpan delay)
    {
        var request = new Timespec(delay.Ticks / TimeSpan.TicksPerSecond, delay.Ticks % TimeSpan.TicksPerSecond * 100);
        // Woken early by a signal: the caller looks at the clock again anyway.
        _ = Nanosleep(request, out _);
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Timespec(long Seconds, long Nanoseconds);

    [LibraryImport("libc", EntryPoint = "nanosleep")]
    private static partial int Nanosleep(in Timespec request, out Timespec remaining);
}
