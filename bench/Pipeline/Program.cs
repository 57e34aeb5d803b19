using CreditPower.Bench;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using CreditPower.Bench.Pipeline;
using CreditPower.TestSupport;

// Messaging latency benchmark (ARCHITECTURE.md "Performance targets"): `dotnet run --project bench/Pipeline -c Release`.
// Starts PostgreSQL, Redis and RabbitMQ, then at each fixed rate measures, in this order and in this one process:
// the raw RabbitMQ.Client round trip (the baseline), one MassTransit hop set up as our services set it up, and the
// outbox path (transaction → relay → MassTransit → consumer with inbox); with --full-path, instead of the last two, a billing
// fact through Grading and Notifications to the SMS at the gateway simulator. See README.md.
if (args is ["-h" or "--help"])
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

using var cancellation = new CancellationTokenSource();
void Interrupt(PosixSignalContext context)
{
    // Let the finally blocks stop every server we started.
    context.Cancel = true;
    cancellation.Cancel();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
var cancellationToken = cancellation.Token;
RealServers? servers = null;
RawRabbitHop? raw = null;
MassTransitHop? hop = null;
FullPath? fullPath = null;
try
{
    ThreadPool.GetMinThreads(out var minWorkers, out _);
    Console.WriteLine((options.SmsFlood > 0
            ? Inv($"SMS dispatch benchmark: {options.SmsFlood:N0} queued SMS, provider cap {options.SmsPerSecond}/s; ")
            : Inv($"{(options.FullPath ? "Full-path (billing fact → SMS)" : "Messaging latency")} benchmark: rates {string.Join(", ", options.Rates)} msg/s, {options.DurationSeconds} s measured after {options.WarmupSeconds} s warm-up per run; "))
        + Inv($"{Environment.ProcessorCount} CPUs; load average {Machine.LoadAverage()}; GC {(GCSettings.IsServerGC ? "server" : "workstation")}")
        + Inv($" (DATAS {(AppContext.GetData("System.GC.DynamicAdaptationMode") is { } datas ? datas : "default")}), {GCSettings.LatencyMode}; min worker threads {minWorkers}")
        + string.Concat(options.Settings.Select(s => $"; {s.Key}={s.Value}")));
    Console.WriteLine("Starting PostgreSQL, Redis and RabbitMQ…");
    if (options.StatementStats)
    {
        // Read by eng/infra/pg-run.sh (the Debian packages' servers; a Docker PostgreSQL ignores it).
        Environment.SetEnvironmentVariable("PG_EXTRA_OPTS", StatementStats.ServerOptions);
    }

    servers = await RealServers.StartAsync(cancellationToken);
    if (options.SmsFlood > 0)
    {
        return await SmsFlood.RunAsync(servers, options.SmsFlood, options.SmsPerSecond, options.Settings, options.NoBuild, cancellationToken) ? 0 : 1;
    }

    raw = await RawRabbitHop.StartAsync(servers.RabbitMqConnectionString, cancellationToken);
    if (options.FullPath)
    {
        // --subjects makes the ledger larger than the run needs (production holds ~1,000,000 subjects).
        var subjectsNeeded = Math.Max(options.Subjects, options.Rates.Sum(r => r * (options.DurationSeconds + options.WarmupSeconds)));
        fullPath = await FullPath.StartAsync(servers, subjectsNeeded, primingRate: options.Rates.Min() / 2, options.Settings, options.NoBuild,
            options.FeedWindowMilliseconds, cancellationToken);
    }
    else
    {
        const string database = "pipeline_bench";
        await servers.CreateDatabaseAsync(database, cancellationToken);
        hop = await MassTransitHop.StartAsync(servers.CreateDatabaseConnectionString(database), servers.RabbitMqConnectionString, options.Settings, cancellationToken);
    }

    var probes = new Probes(options.Subjects, options.Seed);
    var results = new List<RunResult>();
    var run = 0;
    foreach (var rate in options.Rates)
    {
        foreach (var kind in options.FullPath ? FullPathOrder : RunOrder.Where(options.Runs.Contains))
        {
            run++;
            var subjects = probes.SubjectsFor(rate * (options.DurationSeconds + options.WarmupSeconds));
            Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {kind} at {rate} msg/s for {options.WarmupSeconds} + {options.DurationSeconds} s; load average {Machine.LoadAverage()}");
            var result = kind switch
            {
                "raw" => await raw.RunAsync(run, rate, options.DurationSeconds, options.WarmupSeconds, subjects, cancellationToken),
                "full" => await fullPath!.RunAsync(run, rate, options.DurationSeconds, options.WarmupSeconds, options.StatementStats, cancellationToken),
                "publish" => await hop!.PublishAsync(run, rate, options.DurationSeconds, options.WarmupSeconds, subjects, cancellationToken),
                _ => await hop!.OutboxAsync(run, rate, options.DurationSeconds, options.WarmupSeconds, subjects, cancellationToken),
            };
            Print(result);
            if (kind == "outbox")
            {
                Console.WriteLine($"    outbox rows left unsent after the drain: {await hop!.UnsentAsync(cancellationToken)}");
            }

            results.Add(result);
        }
    }

    PrintTable(results);
    return results.All(r => r.Missing == 0 && r.Duplicates == 0 && r.SendErrors == 0 && !r.BacklogGrowing) ? 0 : 1;
}
catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Interrupted; stopping everything the bench started.");
    return 130;
}
catch (Exception ex)
{
    await Console.Error.WriteLineAsync($"Benchmark failed: {ex}");
    return 1;
}
finally
{
    fullPath?.Dispose();
    if (hop is not null)
    {
        await hop.DisposeAsync();
    }

    if (raw is not null)
    {
        await raw.DisposeAsync();
    }

    if (servers is not null)
    {
        await servers.DisposeAsync();
    }
}

static void Print(RunResult r) => Console.WriteLine(
    Inv($"    p50 {r.Percentile(50):F1} ms, p90 {r.Percentile(90):F1}, p99 {r.Percentile(99):F1}, p99.9 {r.Percentile(99.9):F1}, max {r.Max:F1} ms; ")
    + Inv($"{r.LatenciesMs.Length:N0}/{r.Measured:N0} measured arrived, over 1 s {r.OverOneSecond}, missing 60 s after the end {r.Missing}, duplicates {r.Duplicates}, ")
    + Inv($"redeliveries dropped by the inbox {r.RedeliveriesDropped}, send errors {r.SendErrors}; backlog (25/50/75/100 % of the run) {r.BacklogSummary}")
    + Inv($"{(r.BacklogGrowing ? " GROWING" : "")}; schedule lag max {r.MaxScheduleLagMs:F1} ms; process CPU {r.CpuCores:F2} cores = {r.CpuCores * 1e6 / r.Rate:F0} µs per message; ")
    + Inv($"GC {r.Gen0}/{r.Gen1}/{r.Gen2} (gen0/1/2), pauses {r.GcPauseMs:F0} ms; thread-pool queue max {r.MaxThreadPoolQueue}; load {r.Load}"));

static void PrintTable(List<RunResult> results)
{
    Console.WriteLine();
    Console.WriteLine("Latency from the moment a message was due (fixed rate) to the consumer's commit (raw: its receive; full path: the SMS at the simulator); ms.");
    Console.WriteLine($"{"run",-50} {"rate",5} {"p50",7} {"p90",7} {"p99",7} {"max",7} {"p99 vs raw",10} {">1s",4} {"missing",7} {"dup",4} {"backlog end",11} {"slope/s",7} {"µs CPU/msg",10}");
    foreach (var r in results)
    {
        var baseline = results.FirstOrDefault(b => b.Rate == r.Rate && b.Name.StartsWith("raw", StringComparison.Ordinal));
        var ratio = baseline is null ? "—" : (r.Percentile(99) / baseline.Percentile(99)).ToString("F1", CultureInfo.InvariantCulture) + "×";
        Console.WriteLine(Inv(
            $"{r.Name,-50} {r.Rate,5} {r.Percentile(50),7:F1} {r.Percentile(90),7:F1} {r.Percentile(99),7:F1} {r.Max,7:F1} {ratio,10} {r.OverOneSecond,4} {r.Missing,7} {r.Duplicates,4} {(r.Backlog.Count > 0 ? r.Backlog[^1] : 0),11} {r.BacklogSlope,7:F1} {r.CpuCores * 1e6 / r.Rate,10:F0}")
            + (r.BacklogGrowing ? "  GROWING" : ""));
    }

    Console.WriteLine($"Load average now {Machine.LoadAverage()}.");
}

static string Inv(FormattableString text) => FormattableString.Invariant(text);

internal static partial class Program
{
    private static readonly string[] RunOrder = ["raw", "publish", "outbox"];
    private static readonly string[] FullPathOrder = ["raw", "full"];
}
