using CreditPower.Bench;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json;
using CreditPower.Bench.Lookup;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

// Grade look-up benchmark (ARCHITECTURE.md "Performance targets"): `dotnet run --project bench/Lookup -c Release`.
// Starts PostgreSQL, Redis and RabbitMQ, runs the Grading service (Release, own process), seeds subjects with COPY,
// then loads GET /api/grades/lookup with wrk beside a constant endpoint and the service's own /alive.
if (args is [ConstantServer.Flag, var constantPort])
{
    await ConstantServer.RunAsync(int.Parse(constantPort, CultureInfo.InvariantCulture));
    return 0;
}

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
    // Let the finally blocks stop every process we started.
    context.Cancel = true;
    cancellation.Cancel();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
var cancellationToken = cancellation.Token;
var children = new List<ServiceProcess>();
AppDomain.CurrentDomain.ProcessExit += (_, _) => children.ForEach(c => c.Dispose());
RealServers? servers = null;
var workDir = Directory.CreateTempSubdirectory("creditpower-lookup-bench-");
try
{
    Console.WriteLine($"Grade look-up benchmark: {options.Subjects:N0} subjects, wrk -t{options.Threads} -c{options.Connections} -d{options.DurationSeconds}s; "
        + $"{Environment.ProcessorCount} CPUs; load average {Machine.LoadAverage()}");
    await Wrk.EnsureInstalledAsync(cancellationToken);

    Console.WriteLine("Building the Grading service (Release) and starting PostgreSQL, Redis and RabbitMQ…");
    var build = ServiceProcess.BuildAsync(Path.Combine("src", "Services", "Grading"), "CreditPower.Grading", options.NoBuild, cancellationToken);
    var start = RealServers.StartAsync(cancellationToken);
    try
    {
        await Task.WhenAll(build, start);
    }
    finally
    {
        servers = start.IsCompletedSuccessfully ? start.Result : null;
    }

    var dll = await build;
    const string database = "grading_lookup_bench";
    await servers!.CreateDatabaseAsync(database, cancellationToken);
    var signingKey = ServiceProcess.Secret();
    var tokens = new ServiceTokenIssuer(Options.Create(new ServiceTokenOptions { SigningKey = signingKey }), TimeProvider.System);
    string Bearer() => "Bearer " + tokens.Issue("bench", "基准测试", [Roles.Clerk]);

    var service = await ServiceProcess.StartAsync("grading", dll, ServiceProcess.FreePort(), new Dictionary<string, string>(options.ServiceEnvironment)
    {
        [$"ConnectionStrings__{ResourceNames.GradingDb}"] = servers.CreateDatabaseConnectionString(database),
        [$"ConnectionStrings__{ResourceNames.RabbitMq}"] = servers.RabbitMqConnectionString,
        [$"ConnectionStrings__{ResourceNames.Redis}"] = servers.RedisConnectionString,
        ["ServiceTokens__SigningKey"] = signingKey,
        ["BillingFeed__ApiKey"] = ServiceProcess.Secret(),
    }, cancellationToken);
    children.Add(service);
    var serviceUrl = service.Url;
    Console.WriteLine($"Grading service pid {service.Id} healthy at {serviceUrl}; working set {service.WorkingSetMiB():F0} MiB"
        + string.Concat(options.ServiceEnvironment.Select(e => $"; {e.Key}={e.Value}")));

    var constantPortNumber = ServiceProcess.FreePort();
    var constantStart = new ProcessStartInfo(ServiceProcess.DotnetHost());
    foreach (var arg in new[] { typeof(BenchOptions).Assembly.Location, ConstantServer.Flag, constantPortNumber.ToString(CultureInfo.InvariantCulture) })
    {
        constantStart.ArgumentList.Add(arg);
    }

    var constant = await ServiceProcess.StartAsync(
        "constant endpoint", constantStart, $"http://127.0.0.1:{constantPortNumber}", ConstantServer.Path, cancellationToken);
    children.Add(constant);
    var constantUrl = constant.Url + ConstantServer.Path;

    // One subject through the API (the service's own validation and rule version), the rest by COPY.
    using var http = new HttpClient { BaseAddress = new Uri(serviceUrl) };
    http.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(Bearer());
    var hitIdentifier = TestIdentifiers.NewUscc();
    using (var registered = await http.PostAsJsonAsync("/api/subjects", new
    {
        kind = "legalEntity",
        identifier = hitIdentifier,
        name = "基准测试查询热点有限公司",
        accounts = (string[])["320000000001"],
    }, cancellationToken))
    {
        if (registered.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /api/subjects answered {(int)registered.StatusCode}: {await registered.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    var seeding = Stopwatch.StartNew();
    var identifiers = await Seeder.SeedAsync(servers.CreateDatabaseConnectionString(database), options.Subjects, options.Seed, cancellationToken);
    Console.WriteLine($"Seeded {identifiers.Length:N0} subjects + {identifiers.Length:N0} power accounts by binary COPY in {seeding.Elapsed.TotalSeconds:F1} s");

    // Warm-up requests take identifiers the measured miss run never asks for, so they do not pre-fill its cache.
    var warmupCount = Math.Min(20_000, identifiers.Length / 10);
    var missScript = WriteRandomScript(workDir.FullName, "miss", identifiers[..^warmupCount]);
    var warmScript = WriteRandomScript(workDir.FullName, "warm", identifiers[^warmupCount..]);
    var sequentialScript = WriteSequentialScript(workDir.FullName, "pure-miss", identifiers[..^warmupCount], options.Threads);
    var lookupPath = "/api/grades/lookup?identifier=";
    var hitUrl = serviceUrl + lookupPath + hitIdentifier;
    await ExpectGradeAsync(http, lookupPath + hitIdentifier, cancellationToken);
    await ExpectGradeAsync(http, lookupPath + identifiers[0], cancellationToken);

    var redisOptions = ConfigurationOptions.Parse(servers.RedisConnectionString);
    redisOptions.AllowAdmin = true;
    await using var redis = await ConnectionMultiplexer.ConnectAsync(redisOptions);
    var redisServer = redis.GetServer(redis.GetEndPoints()[0]);
    if (!await redis.GetDatabase().KeyExistsAsync($"grading:grade:id:{hitIdentifier}"))
    {
        throw new InvalidOperationException("The hit identifier is not in Redis after a look-up; the cache key layout changed?");
    }

    if (options.WarmupSeconds > 0)
    {
        Console.WriteLine($"Warming up ({options.WarmupSeconds} s each: constant, /alive, hit, miss on other identifiers)…");
        await Wrk.RunAsync(constantUrl, options.Threads, options.Connections, options.WarmupSeconds, null, null, cancellationToken);
        await Wrk.RunAsync(serviceUrl + Extensions.AlivePath, options.Threads, options.Connections, options.WarmupSeconds, null, null, cancellationToken);
        await Wrk.RunAsync(hitUrl, options.Threads, options.Connections, options.WarmupSeconds, null, Bearer(), cancellationToken);
        await Wrk.RunAsync(serviceUrl + "/api/grades/lookup", options.Threads, options.Connections, options.WarmupSeconds, warmScript, Bearer(), cancellationToken);
    }

    var rows = new List<Row>();
    async Task<Row> MeasureAsync(string name, ServiceProcess server, string url, int connections, string? script, bool authorized, Target? target)
    {
        Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {name}, {connections} connections, {options.DurationSeconds} s; load average {Machine.LoadAverage()}");
        var before = await KeyspaceAsync(redisServer);
        var cpuBefore = server.CpuTime();
        var wall = Stopwatch.StartNew();
        var result = await Wrk.RunAsync(url, options.Threads, connections, options.DurationSeconds, script, authorized ? Bearer() : null, cancellationToken);
        var cores = (server.CpuTime() - cpuBefore) / wall.Elapsed;
        var after = await KeyspaceAsync(redisServer);
        var row = new Row(name, connections, result, cores, (after.Hits - before.Hits, after.Misses - before.Misses), target);
        Console.WriteLine($"    {result.RequestsPerSecond:N0} req/s, p50 {result.P50Ms:F2} ms, p99 {result.P99Ms:F2} ms, {result.Requests:N0} requests, "
            + $"non-2xx {result.Non2xx}, socket errors {result.SocketErrors}, server CPU {cores:F2} cores, "
            + $"working set {server.WorkingSetMiB():F0} MiB (peak {server.PeakWorkingSetMiB():F0} MiB)");
        rows.Add(row);
        return row;
    }

    var hitTarget = new Target(10_000, 10);
    var missTarget = new Target(5_000, 10);
    if (options.Runs.Contains("constant"))
    {
        await MeasureAsync("constant (bench child process)", constant, constantUrl, options.Connections, null, false, null);
    }

    if (options.Runs.Contains("alive"))
    {
        await MeasureAsync("/alive (Grading, anonymous)", service, serviceUrl + Extensions.AlivePath, options.Connections, null, false, null);
    }

    if (options.Runs.Contains("hit"))
    {
        await MeasureAsync("look-up, cache hit", service, hitUrl, options.Connections, null, true, hitTarget);
        if (options.HitConnections > 0)
        {
            await MeasureAsync("look-up, cache hit", service, hitUrl, options.HitConnections, null, true, hitTarget);
        }
    }

    // Every miss run starts from a cache without look-up entries, so no earlier run's entries turn its misses into hits.
    Row? pureMiss = null;
    if (options.Runs.Contains("pure-miss"))
    {
        await EvictGradesAsync(redis, redisServer, cancellationToken);
        pureMiss = await MeasureAsync("look-up, pure miss", service, serviceUrl + "/api/grades/lookup", options.Connections, sequentialScript, true, missTarget);
    }

    Row? miss = null;
    if (options.Runs.Contains("miss"))
    {
        await EvictGradesAsync(redis, redisServer, cancellationToken);
        miss = await MeasureAsync("look-up, random (mostly miss)", service, serviceUrl + "/api/grades/lookup", options.Connections, missScript, true, missTarget);
    }

    PrintTable(rows, options, service, constant, pureMiss, miss);
    return rows.All(r => r.Target is null || r.Passed) ? 0 : 1;
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
    foreach (var child in children)
    {
        child.Dispose();
    }

    if (servers is not null)
    {
        await servers.DisposeAsync();
    }

    workDir.Delete(recursive: true);
}

static void PrintTable(List<Row> rows, BenchOptions options, ServiceProcess service, ServiceProcess constant, Row? pureMiss, Row? miss)
{
    var baseline = rows.FirstOrDefault(r => r.Target is null && r.Name.StartsWith("constant", StringComparison.Ordinal))?.Result.RequestsPerSecond ?? double.NaN;
    Console.WriteLine();
    Console.WriteLine("srv CPU: cores the server process used during the run; µs/req: its CPU time per request.");
    Console.WriteLine($"wrk -t{options.Threads} --latency -d{options.DurationSeconds}s on loopback; {Environment.ProcessorCount} CPUs shared by wrk, "
        + $"the servers, PostgreSQL and Redis; load average now {Machine.LoadAverage()}");
    Console.WriteLine($"{"run",-32} {"conns",5} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"vs const",8} {"srv CPU",7} {"µs/req",6} {"errors",6}  {"target",-28} verdict");
    foreach (var row in rows)
    {
        var r = row.Result;
        var target = row.Target is { } t ? $"≥ {t.RequestsPerSecond:N0} req/s, p99 ≤ {t.P99Ms} ms" : "—";
        var verdict = row.Target is null ? "" : row.Passed ? "PASS" : "FAIL";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{row.Name,-32} {row.Connections,5} {r.RequestsPerSecond,9:N0} {r.P50Ms,8:F2} {r.P99Ms,8:F2} {r.RequestsPerSecond / baseline,8:P0} {row.ServerCores,7:F2} {row.ServerCores * 1e6 / r.RequestsPerSecond,6:F0} {r.Non2xx + r.SocketErrors,6}  {target,-28} {verdict}"));
    }

    foreach (var (name, row) in new[] { ("Pure-miss", pureMiss), ("Random", miss) })
    {
        if (row is { Keyspace: var (hits, misses) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name} run cache: {hits:N0} Redis hits, {misses:N0} misses (INFO keyspace_hits/keyspace_misses deltas) = {(double)misses / Math.Max(1, hits + misses):P1} misses."));
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Peak working set (VmHWM): Grading service {service.PeakWorkingSetMiB():F0} MiB (now {service.WorkingSetMiB():F0} MiB; limit 300 MB), constant endpoint {constant.PeakWorkingSetMiB():F0} MiB."));
}

static async Task ExpectGradeAsync(HttpClient http, string path, CancellationToken cancellationToken)
{
    using var response = await http.GetAsync(path, cancellationToken);
    var body = await response.Content.ReadAsStringAsync(cancellationToken);
    if (response.StatusCode != HttpStatusCode.OK || !JsonDocument.Parse(body).RootElement.TryGetProperty("colour", out _))
    {
        throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body}");
    }
}

static async Task<(long Hits, long Misses)> KeyspaceAsync(IServer server)
{
    var stats = (await server.InfoAsync("stats")).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    return (long.Parse(stats["keyspace_hits"], CultureInfo.InvariantCulture), long.Parse(stats["keyspace_misses"], CultureInfo.InvariantCulture));
}

// wrk runs the script in one Lua state per thread; each loads the identifiers and draws one per request.
static string WriteRandomScript(string dir, string name, string[] identifiers)
{
    var list = Path.Combine(dir, $"{name}.txt");
    File.WriteAllLines(list, identifiers);
    var script = Path.Combine(dir, $"{name}.lua");
    File.WriteAllText(script, $$"""
        local ids = {}
        for line in io.lines("{{list}}") do ids[#ids + 1] = line end
        local count = #ids
        local threads = 0
        function setup(thread)
          threads = threads + 1
          thread:set("thread_number", threads)
        end
        function init(args)
          math.randomseed(os.time() * 1000 + (thread_number or 0) * 7919)
        end
        function request()
          return wrk.format(nil, "/api/grades/lookup?identifier=" .. ids[math.random(count)])
        end
        """);
    return script;
}

// Each wrk thread walks its own stride of the identifiers, in order, so no identifier is asked twice until all have
// been (more than a 30 s run reaches): every look-up is a cache miss, which the Redis keyspace deltas confirm.
static string WriteSequentialScript(string dir, string name, string[] identifiers, int threads)
{
    var list = Path.Combine(dir, $"{name}.txt");
    File.WriteAllLines(list, identifiers);
    var script = Path.Combine(dir, $"{name}.lua");
    File.WriteAllText(script, $$"""
        local ids = {}
        for line in io.lines("{{list}}") do ids[#ids + 1] = line end
        local count = #ids
        local threads = 0
        function setup(thread)
          threads = threads + 1
          thread:set("thread_number", threads)
        end
        local next_index = 0
        function init(args)
          next_index = (thread_number or 1) - 1
        end
        function request()
          local id = ids[(next_index % count) + 1]
          next_index = next_index + {{threads}}
          return wrk.format(nil, "/api/grades/lookup?identifier=" .. id)
        end
        """);
    return script;
}

// Drops the service's look-up entries (and only those) from Redis.
static async Task EvictGradesAsync(ConnectionMultiplexer redis, IServer server, CancellationToken cancellationToken)
{
    var batch = new List<RedisKey>(1000);
    await foreach (var key in server.KeysAsync(pattern: "grading:grade:*", pageSize: 1000).WithCancellation(cancellationToken))
    {
        batch.Add(key);
        if (batch.Count == 1000)
        {
            await redis.GetDatabase().KeyDeleteAsync([.. batch]);
            batch.Clear();
        }
    }

    if (batch.Count > 0)
    {
        await redis.GetDatabase().KeyDeleteAsync([.. batch]);
    }
}

internal sealed record Target(double RequestsPerSecond, double P99Ms);

internal sealed record Row(string Name, int Connections, WrkResult Result, double ServerCores, (long Hits, long Misses) Keyspace, Target? Target)
{
    public bool Passed => Target is { } t && Result.RequestsPerSecond >= t.RequestsPerSecond && Result.P99Ms <= t.P99Ms && Result.Non2xx == 0;
}
