using System.Diagnostics;
using System.Globalization;

namespace CreditPower.Bench.Reevaluation;

/// <summary>
/// CPU time spent by this process and by a PostgreSQL server (its postmaster, the backends alive now and those already
/// reaped), from /proc. Unlike wall time it hardly moves when other work shares the machine, so runs can be compared
/// while the machine is busy; the figures to report stay the wall times on a quiet machine.
/// </summary>
internal sealed class CpuMeter(int? postmaster)
{
    private static readonly double _ticksPerSecond = 100; // USER_HZ: 100 on every Linux ABI .NET runs on

    public readonly record struct Reading(TimeSpan Bench, TimeSpan? Server);

    public Reading Read() => new(Process.GetCurrentProcess().TotalProcessorTime, postmaster is { } pid ? ServerTime(pid) : null);

    public static string Describe(Reading start, Reading end)
    {
        var bench = (end.Bench - start.Bench).TotalSeconds;
        if (end.Server is not { } serverEnd || start.Server is not { } serverStart)
        {
            return $"CPU {bench:F1} s in this process (PostgreSQL's not measured: external server)";
        }

        var server = (serverEnd - serverStart).TotalSeconds;
        return $"CPU {bench + server:F1} s ({bench:F1} s this process, {server:F1} s PostgreSQL)";
    }

    // The postmaster's own and reaped children's time (fields 14–17 of stat) plus every live child's own (14–15).
    private static TimeSpan ServerTime(int pid)
    {
        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var candidate))
            {
                continue;
            }

            var fields = StatFields(candidate);
            if (fields is null)
            {
                continue;
            }

            if (candidate == pid)
            {
                ticks += fields[11] + fields[12] + fields[13] + fields[14];
            }
            else if (fields[1] == pid)
            {
                ticks += fields[11] + fields[12];
            }
        }

        return TimeSpan.FromSeconds(ticks / _ticksPerSecond);
    }

    // Fields after the command name: index 0 is field 3 (state, read as 0), 1 is field 4 (ppid), 11 is field 14 (utime).
    private static long[]? StatFields(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return [.. rest.Take(15).Select((field, i) => i == 0 ? 0 : long.Parse(field, CultureInfo.InvariantCulture))];
    }
}
