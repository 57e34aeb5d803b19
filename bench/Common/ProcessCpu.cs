using System.Globalization;

namespace CreditPower.Bench;

/// <summary>
/// CPU time of the bench's process tree from /proc/&lt;pid&gt;/stat (user + system), by process: the services by their
/// pid, the servers RealServers started (PostgreSQL backends, RabbitMQ's Erlang VM, Redis) by command name, so a run
/// can say which process the 2 cores went to. Only descendants of this process count, never another engineer's
/// PostgreSQL on the same machine.
/// </summary>
public static class ProcessCpu
{
    // USER_HZ: the unit of utime/stime; 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)).
    private const double TicksPerSecond = 100;

    /// <summary>CPU seconds so far per group (with exited children): a name from <paramref name="named"/> for those pids, else the command name.</summary>
    public static Dictionary<string, double> Sample(IReadOnlyDictionary<int, string> named)
    {
        var stats = new Dictionary<int, (int Parent, string Command, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } stat)
            {
                stats[pid] = stat;
            }
        }

        var groups = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (pid, stat) in stats)
        {
            var group = named.TryGetValue(pid, out var name) ? name : null;
            for (var ancestor = pid; group is null && stats.TryGetValue(ancestor, out var up); ancestor = up.Parent)
            {
                if (ancestor == Environment.ProcessId)
                {
                    group = pid == Environment.ProcessId ? "bench" : stat.Command;
                }
                else if (ancestor != pid && named.TryGetValue(ancestor, out var owner))
                {
                    // A service's own children (none expected) count as the service.
                    group = owner;
                }
            }

            if (group is not null)
            {
                groups[group] = groups.GetValueOrDefault(group) + stat.Ticks / TicksPerSecond;
            }
        }

        return groups;
    }

    /// <summary>Busy CPU seconds of the whole machine so far (all of /proc/stat's first line but idle and iowait).</summary>
    public static double MachineBusy()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (fields.Take(8).Sum() - fields[3] - fields[4]) / TicksPerSecond;
    }

    /// <summary>Cores used per group between two samples, busiest first; with <paramref name="messages"/>, also CPU per message.</summary>
    public static string Describe(Dictionary<string, double> before, Dictionary<string, double> after, double seconds, int? messages) =>
        string.Join(", ", after
            .Select(p => (Name: p.Key, Cpu: p.Value - before.GetValueOrDefault(p.Key)))
            .Where(p => p.Cpu / seconds >= 0.005)
            .OrderByDescending(p => p.Cpu)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Cpu / seconds:F2}")
                + (messages is { } n ? string.Create(CultureInfo.InvariantCulture, $" ({p.Cpu * 1e6 / n:F0} µs/msg)") : "")));

    private static (int Parent, string Command, long Ticks)? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // exited meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid …": comm may hold spaces and parentheses, so the fields are counted from its last ')'.
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        var fields = text[(close + 2)..].Split(' ');
        // utime + stime, and cutime + cstime: children that exited and were waited for (PostgreSQL's parallel query
        // workers live for one query and would otherwise never be counted).
        return (int.Parse(fields[1], CultureInfo.InvariantCulture), text[(open + 1)..close],
            fields[11..15].Sum(f => long.Parse(f, CultureInfo.InvariantCulture)));
    }
}
