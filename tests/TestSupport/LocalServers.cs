using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace CreditPower.TestSupport;

/// <summary>Runs the servers from the Debian packages through eng/infra/*-run.sh, each in its own session.</summary>
internal sealed class LocalServers : IServerHost
{
    private const string TestsRoot = "/tmp/creditpower-tests";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);
    private const UnixFileMode Traversable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    // Runs outside our process tree, so it outlives a killed test host: once the host is gone (a zombie counts as
    // gone), it stops every server session listed in the sessions file and deletes the data folder.
    private const string WatchdogScript = """
        exec </dev/null >/dev/null 2>&1
        alive() { ps -o stat= -p "$1" | grep -qv '^Z'; }
        live() { for s in $(cat "$1/sessions"); do ps -o stat= --sid "$s" | grep -qv '^Z' && return 0; done; return 1; }
        while alive "$2"; do sleep 1; done
        for s in $(cat "$1/sessions"); do kill -TERM "$s"; done
        for i in $(seq 150); do live "$1" || break; sleep 0.2; done
        for s in $(cat "$1/sessions"); do kill -KILL -- "-$s"; done
        rm -rf "$1"
        """;

    private readonly string _dir = Path.Combine(TestsRoot, Guid.NewGuid().ToString("N"));
    private readonly string _infra = Path.Combine(FindRepoRoot(), "eng", "infra");
    private readonly string _password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
    private readonly int[] _ports = LoopbackPorts.Free(5);
    private readonly Lock _gate = new();
    private readonly List<ServerProcess> _running = [];
    private readonly EventHandler _onProcessExit;
    private ServerProcess? _rabbit;
    private Process? _watchdog;

    public LocalServers() => _onProcessExit = (_, _) => StopEverything(TimeSpan.FromSeconds(5));

    private int PostgresPort => _ports[0];

    private int RedisPort => _ports[1];

    private int AmqpPort => _ports[2];

    public string PostgresConnectionString => $"Host=127.0.0.1;Port={PostgresPort};Username=postgres;Password={_password}";

    public string RabbitMqConnectionString => $"amqp://guest:guest@127.0.0.1:{AmqpPort}";

    public string RedisConnectionString => $"127.0.0.1:{RedisPort}";

    public async Task<IReadOnlyDictionary<string, TimeSpan>> StartAsync(CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Local servers need bash and the Debian packages; use Docker (containers mode).");
        }

        foreach (var dir in new[] { TestsRoot, _dir })
        {
            // postgres runs as its own user and must traverse every parent of its data folder
            Directory.CreateDirectory(dir);
            File.SetUnixFileMode(dir, Traversable);
        }

        await File.WriteAllTextAsync(Path.Combine(_dir, "sessions"), "", cancellationToken);
        AppDomain.CurrentDomain.ProcessExit += _onProcessExit;
        _watchdog = Process.Start(SetsidStartInfo("bash", "-c", WatchdogScript, "creditpower-watchdog", _dir,
            Text(Environment.ProcessId)));

        return await Readiness.StartAllAsync(cancellationToken,
            ("postgres", ct => WaitAsync(Launch("postgres", "pg-run.sh", ("PGPORT", Text(PostgresPort)), ("PGPASSWORD", _password)),
                probe => Readiness.PostgresAsync(PostgresConnectionString, probe), ct)),
            ("rabbitmq", ct => WaitAsync(LaunchRabbit(), probe => Readiness.RabbitMqAsync(RabbitMqConnectionString, probe), ct)),
            ("redis", ct => WaitAsync(Launch("redis", "redis-run.sh", ("REDIS_PORT", Text(RedisPort))),
                probe => Readiness.RedisAsync(RedisConnectionString, probe), ct)));
    }

    public async Task StopRabbitMqAsync()
    {
        var rabbit = _rabbit ?? throw new InvalidOperationException("RabbitMQ is not running.");
        _rabbit = null;
        await Task.Run(() => Stop(rabbit, StopGrace));

        // The node's reaper stops the private epmd shortly after the node: a new node must not register with the
        // old epmd, which is about to be killed.
        await Readiness.WaitUntilClosedAsync([AmqpPort, _ports[3], _ports[4]], TimeSpan.FromSeconds(15));
    }

    public async Task StartRabbitMqAsync(CancellationToken cancellationToken)
    {
        if (_rabbit is not null)
        {
            throw new InvalidOperationException("RabbitMQ is already running.");
        }

        await WaitAsync(LaunchRabbit(), ct => Readiness.RabbitMqAsync(RabbitMqConnectionString, ct), cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= _onProcessExit;
        return new ValueTask(Task.Run(() => StopEverything(StopGrace)));
    }

    private void StopEverything(TimeSpan grace)
    {
        ServerProcess[] running;
        lock (_gate)
        {
            running = [.. _running];
            _running.Clear();
        }

        if (Interlocked.Exchange(ref _watchdog, null) is { } watchdog)
        {
            _ = Kill(-watchdog.Id, SigKill);
            watchdog.WaitForExit(TimeSpan.FromSeconds(5));
            watchdog.Dispose();
        }

        Parallel.ForEach(running, server => Stop(server, grace));
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // never created: the start failed early
        }
    }

    private void Stop(ServerProcess server, TimeSpan grace)
    {
        lock (_gate)
        {
            _running.Remove(server);
        }

        var process = server.Process;
        if (!process.HasExited)
        {
            // the scripts trap TERM and shut their server down cleanly (postgres: fast shutdown)
            _ = Kill(process.Id, SigTerm);
            process.WaitForExit(grace);
        }

        // whatever is left in the script's process group (tee, a stuck node); postgres backends setsid() themselves
        // but exit on their own once the postmaster is gone
        _ = Kill(-process.Id, SigKill);
        process.WaitForExit(TimeSpan.FromSeconds(5));
        process.Dispose();
    }

    private ServerProcess LaunchRabbit() => _rabbit = Launch("rabbitmq", "rabbit-run.sh",
        ("RABBITMQ_NODE_PORT", Text(AmqpPort)), ("RABBITMQ_DIST_PORT", Text(_ports[3])), ("ERL_EPMD_PORT", Text(_ports[4])));

    private ServerProcess Launch(string name, string script, params (string Name, string Value)[] environment)
    {
        var log = Path.Combine(_dir, name + "-output.log");
        var startInfo = SetsidStartInfo("bash", "-c", "exec bash \"$0\" \"$1\" </dev/null >>\"$2\" 2>&1",
            Path.Combine(_infra, script), Path.Combine(_dir, name), log);
        startInfo.Environment.Remove("RABBITMQ_MANAGEMENT_PORT");
        foreach (var (variable, value) in environment)
        {
            startInfo.Environment[variable] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {script}.");
        var server = new ServerProcess(name, process, log, clock);
        lock (_gate)
        {
            _running.Add(server);
        }

        // setsid exec's without forking (we are no group leader), so the pid is also the session and group id
        File.AppendAllText(Path.Combine(_dir, "sessions"), $"{process.Id}\n");
        return server;
    }

    private static async Task<TimeSpan> WaitAsync(ServerProcess server, Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        await Readiness.WaitAsync(server.Name, probe,
            () => server.Process.HasExited ? $"its script exited with code {server.Process.ExitCode}" : null,
            () => Tail(server.LogPath), ReadyTimeout, cancellationToken);
        return server.Clock.Elapsed;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static ProcessStartInfo SetsidStartInfo(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("setsid") { UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private static string Tail(string path, int maxBytes = 4000)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(Math.Max(0, stream.Length - maxBytes), SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (IOException ex)
        {
            return $"(no output: {ex.Message})";
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CreditPower.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CreditPower.sln above {AppContext.BaseDirectory}: cannot find eng/infra.");
    }

    private const int SigKill = 9;
    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);

    private sealed record ServerProcess(string Name, Process Process, string LogPath, Stopwatch Clock);
}
