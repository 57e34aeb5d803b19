using System.Globalization;

namespace CreditPower.Bench.Lookup;

/// <summary>Command-line options; every one has a default so the bench runs with no arguments.</summary>
internal sealed record BenchOptions
{
    public int DurationSeconds { get; init; } = 30;
    public int WarmupSeconds { get; init; } = 5;
    public int Threads { get; init; } = 2;
    public int Connections { get; init; } = 16;
    public int HitConnections { get; init; } = 8;
    public int Subjects { get; init; } = 500_000;
    public int Seed { get; init; } = 20261128;

    /// <summary>Use the Grading service already built in bin/Release instead of building it first.</summary>
    public bool NoBuild { get; init; }

    /// <summary>Which runs to make, of constant, alive, hit, pure-miss, miss.</summary>
    public IReadOnlySet<string> Runs { get; init; } = new HashSet<string>(["constant", "alive", "hit", "pure-miss", "miss"], StringComparer.Ordinal);

    /// <summary>Extra environment for the service (NAME=VALUE), e.g. to try a setting without editing it.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ServiceEnvironment { get; init; } = [];

    public const string Usage = """
        Grade look-up benchmark (ARCHITECTURE.md "Performance targets"). Usage:
          dotnet run --project bench/Lookup -c Release [-- options]
        Options:
          --duration S          seconds per measured wrk run (30)
          --warmup S            seconds of unmeasured load before the measured runs of each server (5)
          --threads N           wrk threads (2)
          --connections N       wrk connections for every run (16)
          --hit-connections N   connections of the extra cache-hit run (8; 0 skips it)
          --subjects N          subjects seeded by COPY (500000)
          --seed N              seed of the generated identifiers (20261128)
          --no-build            run src/Services/Grading/bin/Release as it is
          --runs LIST           comma-separated subset of constant,alive,hit,pure-miss,miss (all)
          --service-env N=V     extra environment variable for the Grading service (repeatable)
        """;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--duration" => options with { DurationSeconds = Number(args, ++i, 1, 500) },
                "--warmup" => options with { WarmupSeconds = Number(args, ++i, 0, 300) },
                "--threads" => options with { Threads = Number(args, ++i, 1, 64) },
                "--connections" => options with { Connections = Number(args, ++i, 1, 1024) },
                "--hit-connections" => options with { HitConnections = Number(args, ++i, 0, 1024) },
                "--subjects" => options with { Subjects = Number(args, ++i, 1_000, 10_000_000) },
                "--seed" => options with { Seed = Number(args, ++i, 0, int.MaxValue) },
                "--no-build" => options with { NoBuild = true },
                "--runs" => options with { Runs = RunList(args, ++i) },
                "--service-env" => options with { ServiceEnvironment = [.. options.ServiceEnvironment, Setting(args, ++i)] },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}"),
            };
        }

        if (options.Threads > options.Connections)
        {
            throw new ArgumentException("--threads must not exceed --connections (wrk needs a connection per thread).");
        }

        return options;
    }

    private static HashSet<string> RunList(string[] args, int index)
    {
        string[] known = ["constant", "alive", "hit", "pure-miss", "miss"];
        var runs = index < args.Length ? args[index].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        return runs.Length > 0 && runs.All(known.Contains)
            ? new HashSet<string>(runs, StringComparer.Ordinal)
            : throw new ArgumentException($"--runs takes a comma-separated subset of {string.Join(',', known)}.");
    }

    private static KeyValuePair<string, string> Setting(string[] args, int index)
    {
        var parts = index < args.Length ? args[index].Split('=', 2) : [];
        return parts is [{ Length: > 0 } name, var value]
            ? new(name, value)
            : throw new ArgumentException("--service-env needs NAME=VALUE.");
    }

    // Tokens live 10 minutes (ServiceTokenIssuer) and one is minted per run, hence the 500 s ceiling.
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
