using System.Globalization;

namespace CreditPower.Bench.Pipeline;

/// <summary>Command-line options; every one has a default so the bench runs with no arguments (the 5-minute mode).</summary>
internal sealed record BenchOptions
{
    public IReadOnlyList<int> Rates { get; init; } = [500, 750];
    public int DurationSeconds { get; init; } = 300;
    public int WarmupSeconds { get; init; } = 5;
    public int Subjects { get; init; } = 5_000;
    public int Seed { get; init; } = 20261128;
    /// <summary>0: the hop runs; otherwise the dispatcher figure with this many queued SMS (<see cref="SmsFlood"/>).</summary>
    public int SmsFlood { get; init; }

    public int SmsPerSecond { get; init; } = 2_000;

    /// <summary>With --full-path: facts due within this many milliseconds go to Grading in one request (0: one fact a request).</summary>
    public int FeedWindowMilliseconds { get; init; }

    /// <summary>Instead of the hops: the full path, billing fact → Grading → Notifications → SMS (the FullPath class), beside the raw hop.</summary>
    public bool FullPath { get; init; }

    /// <summary>Use the Release builds of the services and the simulator as they are (the --sms and --full-path modes build them otherwise).</summary>
    public bool NoBuild { get; init; }

    /// <summary>With --full-path: PostgreSQL's costliest statements of each run (<see cref="StatementStats"/>).</summary>
    public bool StatementStats { get; init; }

    public IReadOnlySet<string> Runs { get; init; } = new HashSet<string>(Known, StringComparer.Ordinal);

    /// <summary>
    /// Configuration of the MassTransit host (NAME=VALUE, ':' between sections) — with --sms, of the Notifications
    /// process (e.g. Dispatch:Concurrency=64), with --full-path of Grading and Notifications — to try a setting without editing code.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Settings { get; init; } = [];

    private static readonly string[] Known = ["raw", "publish", "outbox"];

    public const string Usage = """
        Messaging latency benchmark (ARCHITECTURE.md "Performance targets"). Usage:
          dotnet run --project bench/Pipeline -c Release [-- options]
        Options:
          --short               30-second runs for iterating (the default is the 5-minute mode)
          --duration S          measured seconds per run (300)
          --warmup S            seconds at the rate before measuring, same run (5)
          --rates LIST          comma-separated publish rates in messages per second (500,750)
          --runs LIST           comma-separated subset of raw,publish,outbox (all)
          --subjects N          subjects the probes are drawn from (5000); with --full-path, at least this many are seeded
          --seed N              seed of the subject draw (20261128)
          --sms100k             instead of the hops: 100,000 queued SMS through Notifications' dispatcher to the simulator
          --sms N               the same with N SMS
          --sms-cap N           the provider cap, Dispatch:SmsPerSecond (2000)
          --full-path           instead of the MassTransit hops: billing fact → Grading → RabbitMQ → Notifications → SMS at the
                                simulator, one subject per fact, beside the raw hop at each rate
          --feed-window MS      with --full-path: the billing feed sends the facts due within MS milliseconds as one batch,
                                as an upstream billing system does (0, the default: one fact a request)
          --no-build            run the Release builds of the services and the simulator as they are
          --pg-stats            with --full-path: PostgreSQL's costliest statements of each run (pg_stat_statements loaded)
          --set NAME=VALUE      configuration of the MassTransit host, e.g. Messaging:ConcurrentMessageLimit=4 (repeatable);
                                with --sms, of the Notifications process, e.g. Dispatch:Concurrency=64;
                                with --full-path, of both Grading and Notifications
        """;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--short" => options with { DurationSeconds = 30 },
                "--duration" => options with { DurationSeconds = Number(args, ++i, 5, 3_600) },
                "--warmup" => options with { WarmupSeconds = Number(args, ++i, 0, 120) },
                "--rates" => options with { Rates = RateList(args, ++i) },
                "--runs" => options with { Runs = RunList(args, ++i) },
                "--subjects" => options with { Subjects = Number(args, ++i, 1, 10_000_000) },
                "--seed" => options with { Seed = Number(args, ++i, 0, int.MaxValue) },
                "--sms100k" => options with { SmsFlood = 100_000 },
                "--sms" => options with { SmsFlood = Number(args, ++i, 1, 1_000_000) },
                "--sms-cap" => options with { SmsPerSecond = Number(args, ++i, 1, 100_000) },
                "--full-path" => options with { FullPath = true },
                "--feed-window" => options with { FeedWindowMilliseconds = Number(args, ++i, 0, 1_000) },
                "--no-build" => options with { NoBuild = true },
                "--pg-stats" => options with { StatementStats = true },
                "--set" => options with { Settings = [.. options.Settings, Setting(args, ++i)] },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}"),
            };
        }

        return options;
    }

    private static int[] RateList(string[] args, int index)
    {
        var parts = index < args.Length ? args[index].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        var rates = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0).ToArray();
        return rates.Length > 0 && rates.All(r => r is >= 1 and <= 20_000)
            ? rates
            : throw new ArgumentException("--rates takes comma-separated whole numbers from 1 to 20000.");
    }

    private static HashSet<string> RunList(string[] args, int index)
    {
        var runs = index < args.Length ? args[index].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        return runs.Length > 0 && runs.All(Known.Contains)
            ? new HashSet<string>(runs, StringComparer.Ordinal)
            : throw new ArgumentException($"--runs takes a comma-separated subset of {string.Join(',', Known)}.");
    }

    private static KeyValuePair<string, string?> Setting(string[] args, int index)
    {
        var parts = index < args.Length ? args[index].Split('=', 2) : [];
        return parts is [{ Length: > 0 } name, var value]
            ? new(name, value)
            : throw new ArgumentException("--set needs NAME=VALUE.");
    }

    private static int Number(string[] args, int index, int min, int max)
    {
        if (index >= args.Length || !int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            throw new ArgumentException($"{args[index - 1]} needs a whole number from {min} to {max}.");
        }

        return value;
    }
}
