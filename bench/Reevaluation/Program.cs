using CreditPower.Bench;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using CreditPower.Bench.Reevaluation;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.Reevaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

// Full re-evaluation benchmark (ARCHITECTURE.md "Performance targets"). Usage:
//   dotnet run --project bench/Reevaluation -c Release [-- --subjects N --events M --seed S --connection "Host=…;Username=…;Password=…"]
// Without --connection it starts its own PostgreSQL (eng/infra/pg-run.sh) on a free port and removes it afterwards.
var subjects = 1_000_000;
var events = 10_000_000L;
var seed = 20261128;
string? server = null;
const int MaxWarmUpRounds = 20;
for (var i = 0; i < args.Length - 1; i += 2)
{
    switch (args[i])
    {
        case "--subjects": subjects = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--events": events = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--connection": server = args[i + 1]; break;
        default: throw new ArgumentException($"Unknown option {args[i]}");
    }
}

Console.WriteLine($"Re-evaluation benchmark: {subjects:N0} subjects, {events:N0} events in force, seed {seed}; {Environment.ProcessorCount} CPUs, load {Machine.LoadAverage()}");
LocalPostgres? local = null;
if (server is null)
{
    Console.Write("Starting PostgreSQL (eng/infra/pg-run.sh)… ");
    local = await LocalPostgres.StartAsync();
    server = local.ConnectionString;
    Console.WriteLine($"ready ({string.Join(", ", LocalPostgres.Settings)}; fsync off as pg-run.sh starts it)");
}

var databaseName = $"reeval_bench_{Environment.ProcessId}";
var warmUpName = $"{databaseName}_warm_up";
var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString;
using var logging = LoggerFactory.Create(logs => logs.AddSimpleConsole(console => console.SingleLine = true)
    .SetMinimumLevel(Environment.GetEnvironmentVariable("BENCH_VERBOSE") is null ? LogLevel.Warning : LogLevel.Information));
var options = Options.Create(new ReevaluationOptions());
using var signal = new ReevaluationSignal();
try
{
    // The same code on a small database first, round after round until a round compiles no method, so the measured runs
    // execute the JIT's optimised code, as a service does once it has been running (the tables are prewarmed for the same
    // reason below). Two rounds, the second changing nothing, were not enough: the runtime counts calls for tier 1 only
    // once no new method has been compiled for 100 ms, so the measured run still compiled 1,800 methods, about 0.6 s of
    // CPU (DOTNET_JitStdOutFile, JitInfo).
    var warmUp = Stopwatch.StartNew();
    var (rounds, compiled) = (0, 0L);
    await using (var small = await CreateDatabaseAsync(warmUpName))
    {
        await DataGenerator.GenerateAsync(small, 20_000, 200_000, seed, DateTimeOffset.UtcNow);
        var (smallExecutor, smallLauncher) = Reevaluator(small);
        for (var compiledBefore = -1L; rounds < MaxWarmUpRounds && compiledBefore != (compiled = System.Runtime.JitInfo.GetCompiledMethodCount()); rounds++)
        {
            compiledBefore = compiled;
            await Yardstick.MeasureAsync(small);
            // Every round a first grading, as the measured full run is: a round that changes nothing leaves the code that
            // writes grades, reasons and outbox rows to its first, unoptimised compilation.
            await using (var reset = small.CreateCommand(
                """UPDATE subjects SET "Colour" = 'Blue', "Score" = 100, "GradedAt" = "CreatedAt", "LastRedOrBlackAt" = NULL"""))
            {
                await reset.ExecuteNonQueryAsync();
            }

            await ReevaluateOnceAsync(smallExecutor, smallLauncher);
        }
    }

    await DropDatabaseAsync(warmUpName);
    Console.WriteLine($"Warmed up in {warmUp.Elapsed.TotalSeconds:F1} s: {rounds} rounds of the same yardstick and run on 20,000 subjects, " +
                  $"the last compiling {(rounds < MaxWarmUpRounds ? "no method" : "methods still")} ({compiled:N0} compiled in all)");

    await using var database = await CreateDatabaseAsync(databaseName);
    var clock = Stopwatch.StartNew();
    await DataGenerator.GenerateAsync(database, subjects, events, seed, DateTimeOffset.UtcNow);
    await using (var analyze = database.CreateCommand("VACUUM ANALYZE"))
    {
        await analyze.ExecuteNonQueryAsync();
    }

    // Loaded data is on disk and the loading's WAL segments are kept for reuse (min_wal_size), and the tables the runs
    // read are in shared buffers (pg_prewarm), as they are on a server that has been running: otherwise the first
    // measured run pays for creating the segments, and for pulling every page it reads in from the kernel's cache
    // (COPY and VACUUM load through a small ring of buffers, so loading leaves the data out of shared buffers).
    await using (var prewarm = database.CreateCommand(
        "CREATE EXTENSION IF NOT EXISTS pg_prewarm; SELECT pg_prewarm(c.oid) FROM pg_class c WHERE c.relname IN ('credit_events', 'subjects', 'power_accounts') OR c.relname LIKE 'IX_credit_events%' OR c.relname LIKE 'PK_subjects'"))
    {
        await prewarm.ExecuteNonQueryAsync();
    }

    // A server that has been running has used every one of its shared buffers; one just started has not, and the first
    // use of each costs a page fault that clears its memory: 5 % of the run's CPU was clear_page under the COPYs into the
    // grades, each of which takes fresh buffers for its ring (perf). So every buffer no table holds is used once here,
    // by a scratch table of about as many pages (some 22 integer rows fill a page to 10 %) read in and dropped: the
    // buffers go back to the free list, their memory kept.
    if (local is not null)
    {
        await using var touch = database.CreateCommand(
            """
            CREATE EXTENSION IF NOT EXISTS pg_buffercache;
            SELECT count(*) * 20 FROM pg_buffercache WHERE relfilenode IS NULL
            """);
        var rows = (long)(await touch.ExecuteScalarAsync())!;
        touch.CommandText = $"""
            CREATE UNLOGGED TABLE buffer_touch WITH (fillfactor = 10) AS SELECT g FROM generate_series(1, {rows}) g;
            SELECT pg_prewarm('buffer_touch');
            DROP TABLE buffer_touch
            """;
        await touch.ExecuteNonQueryAsync();
    }

    await using (var checkpoint = database.CreateCommand("CHECKPOINT"))
    {
        try
        {
            await checkpoint.ExecuteNonQueryAsync();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            Console.WriteLine("(no CHECKPOINT: the --connection user may not; the run may pay for new WAL segments)");
        }
    }

    Console.WriteLine($"Generated and analysed in {clock.Elapsed.TotalSeconds:F1} s");

    var (executor, launcher) = Reevaluator(database);

    // Each re-evaluation is measured against a yardstick taken just before it, on the same tables.
    var ownServer = local is not null;
    var before = ProcessCpu.Sample(new Dictionary<int, string>());
    var first = await Yardstick.MeasureAsync(database);
    Console.WriteLine($"Yardstick: COPY out {first.Events:N0} events + sum per subject + COPY in {first.Grades:N0} grades: {first.Elapsed.TotalSeconds:F2} s; " +
                      CpuUsed(before, ProcessCpu.Sample(new Dictionary<int, string>()), ownServer));
    var (full, fullRun) = await ReevaluateAsync("Full re-evaluation (first grading of every subject: nearly all grades written)");
    Report(full, first.Elapsed);

    before = ProcessCpu.Sample(new Dictionary<int, string>());
    var second = await Yardstick.MeasureAsync(database);
    Console.WriteLine($"Yardstick again: {second.Elapsed.TotalSeconds:F2} s; {CpuUsed(before, ProcessCpu.Sample(new Dictionary<int, string>()), ownServer)}");
    var (monthly, _) = await ReevaluateAsync("Monthly re-evaluation right after (steady state: grades already current, little to write)");
    Report(monthly, second.Elapsed);

    Console.WriteLine($"Peak working set of this process (generator, yardstick and runs): {Environment.WorkingSet / 1048576} MB now, " +
                      $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB peak; load {Machine.LoadAverage()}");
    Console.WriteLine($"Run {fullRun}: see reevaluation_runs for its counts.");

    async Task<(TimeSpan Elapsed, Guid Run)> ReevaluateAsync(string title)
    {
        // The run's own footprint: what generation and the yardstick left behind is collected first, then sampled.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var startWorkingSet = Environment.WorkingSet;
        var peakWorkingSet = startWorkingSet;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
                await Task.Delay(50, CancellationToken.None);
            }
        }, CancellationToken.None);
        var cpuBefore = ProcessCpu.Sample(new Dictionary<int, string>());
        var (gcPauseBefore, gen0Before, gen2Before, jitBefore) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(2), System.Runtime.JitInfo.GetCompilationTime());
        var walBefore = await WalPositionAsync();
        var watch = Stopwatch.StartNew();
        var id = await ReevaluateOnceAsync(executor, launcher);
        var elapsed = watch.Elapsed;
        var cpuUsed = CpuUsed(cpuBefore, ProcessCpu.Sample(new Dictionary<int, string>()), ownServer);
        var runtime = $"GC {GC.CollectionCount(0) - gen0Before} collections ({GC.CollectionCount(2) - gen2Before} full), paused {(GC.GetTotalPauseDuration() - gcPauseBefore).TotalMilliseconds:F0} ms; " +
                      $"JIT {(System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds:F0} ms";
        var walWritten = await WalPositionAsync() - walBefore;
        await sampling.CancelAsync();
        await sampler;
        await using var read = database.CreateCommand("""SELECT "Total", "Done", "Changed", "Error" FROM reevaluation_runs WHERE "Id" = @id""");
        read.Parameters.AddWithValue("id", id);
        await using var reader = await read.ExecuteReaderAsync();
        await reader.ReadAsync();
        await using var counts = database.CreateCommand(
            """
            SELECT (SELECT count(*) FROM grades), (SELECT count(*) FROM outbox_messages), (SELECT count(*) FROM credit_events WHERE "Status" = 'Expired'),
                   (SELECT avg(octet_length("Reasons"::text))::int FROM grades)
            """);
        await using var countReader = await counts.ExecuteReaderAsync();
        await countReader.ReadAsync();
        Console.WriteLine($"{title}: {elapsed.TotalSeconds:F2} s — evaluated {reader.GetInt64(1):N0}/{reader.GetInt64(0):N0}, " +
                          $"colour changed {reader.GetInt64(2):N0}; grades in history {countReader.GetInt64(0):N0}, outbox rows {countReader.GetInt64(1):N0}, " +
                          $"events expired {countReader.GetInt64(2):N0}, reasons {(countReader.IsDBNull(3) ? 0 : countReader.GetInt32(3))} bytes a grade on average; " +
                          $"WAL written {walWritten / 1048576:N0} MB{(reader.IsDBNull(3) ? "" : $"; ERROR {reader.GetString(3)}")}; " +
                          $"working set {startWorkingSet / 1048576} MB at the start, peak {peakWorkingSet / 1048576} MB during the run; {runtime}; {cpuUsed}");
        return (elapsed, id);
    }

    // The server's write-ahead log position in bytes: what a run writes to it is most of what it costs PostgreSQL.
    async Task<long> WalPositionAsync()
    {
        await using var position = database.CreateCommand("SELECT pg_current_wal_lsn() - '0/0'");
        return (long)(decimal)(await position.ExecuteScalarAsync())!;
    }
}
finally
{
    if (local is not null)
    {
        await local.DisposeAsync();
    }
    else
    {
        await DropDatabaseAsync(warmUpName);
        await DropDatabaseAsync(databaseName);
    }
}

string ConnectionString(string database) => new NpgsqlConnectionStringBuilder(server)
{
    Database = database,
    CommandTimeout = 600,
    MaxPoolSize = 20,
}.ConnectionString;

async Task<NpgsqlDataSource> CreateDatabaseAsync(string name)
{
    await using (var connection = new NpgsqlConnection(admin))
    {
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
    }

    await using (var db = new GradingDbContext(new DbContextOptionsBuilder<GradingDbContext>().UseNpgsql(ConnectionString(name)).Options))
    {
        await db.Database.MigrateAsync();
    }

    return NpgsqlDataSource.Create(ConnectionString(name));
}

async Task DropDatabaseAsync(string name)
{
    NpgsqlConnection.ClearAllPools();
    await using var connection = new NpgsqlConnection(admin);
    await connection.OpenAsync();
    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
    await drop.ExecuteNonQueryAsync();
}

(ReevaluationExecutor Executor, ReevaluationLauncher Launcher) Reevaluator(NpgsqlDataSource database)
{
    var source = new ReevaluationDataSource(database);
    var executor = new ReevaluationExecutor(source, new ReevaluationEngine(TimeProvider.System), options, TimeProvider.System,
        logging.CreateLogger<ReevaluationExecutor>(), []);
    return (executor, new ReevaluationLauncher(source, signal, options, TimeProvider.System));
}

// One run of the default rule set over every subject, to the end; its id.
static async Task<Guid> ReevaluateOnceAsync(ReevaluationExecutor executor, ReevaluationLauncher launcher)
{
    var id = await launcher.StartAsync(ReevaluationKind.Monthly, DefaultRuleSet.Version, "bench", CancellationToken.None);
    var run = await executor.NextRunAsync(CancellationToken.None) ?? throw new InvalidOperationException("The run is not there.");
    if (!await executor.WorkOnAsync(run, CancellationToken.None))
    {
        throw new InvalidOperationException("The run did not finish.");
    }

    return id;
}

static void Report(TimeSpan run, TimeSpan yardstick) =>
    Console.WriteLine($"  ratio {run.TotalSeconds / yardstick.TotalSeconds:F2}× the yardstick (target ≤ 4×, never over 60 s: {(run.TotalSeconds <= 60 ? "under" : "OVER")} 60 s)");

// CPU seconds between two samples of the bench's process tree: this process and, when it started its own server,
// PostgreSQL (ProcessCpu counts the backends that exited too). Unlike wall time it hardly moves when other work shares
// the machine, so runs can be compared while it is busy; the figures to report stay the wall times on a quiet machine.
static string CpuUsed(Dictionary<string, double> before, Dictionary<string, double> after, bool ownServer)
{
    double Used(string group) => after.GetValueOrDefault(group) - before.GetValueOrDefault(group);
    return ownServer
        ? $"CPU {Used("bench") + Used("postgres"):F1} s ({Used("bench"):F1} s this process, {Used("postgres"):F1} s PostgreSQL)"
        : $"CPU {Used("bench"):F1} s in this process (PostgreSQL's not measured: external server)";
}
