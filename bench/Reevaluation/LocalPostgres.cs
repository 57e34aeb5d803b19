using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;

namespace CreditPower.Bench.Reevaluation;

/// <summary>A throw-away PostgreSQL started with the repository's eng/infra/pg-run.sh on a free loopback port.</summary>
internal sealed class LocalPostgres : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;

    private LocalPostgres(Process process, string dataDirectory, string connectionString)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<LocalPostgres> StartAsync()
    {
        var script = Path.Combine(ServiceProcess.RepoRoot(), "eng", "infra", "pg-run.sh");
        var port = ServiceProcess.FreePort();
        var root = Path.Combine(Path.GetTempPath(), $"creditpower-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(root);

        // The postgres system user must reach the data folder (pg-run.sh switches to it when run as root).
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        }

        var data = Path.Combine(root, "data");
        var connectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Password=postgres;Database=postgres";
        var first = await LaunchAsync(script, data, port, connectionString);

        // A server sized for the data, as production's is, rather than initdb's 128 MB of shared buffers: with those,
        // every run and the yardstick pay for pages going out to the kernel and coming back in (2 GB still left a
        // tenth of the run's database time in reads from the kernel's cache: perf). Checkpoints spaced out so none
        // lands in the middle of a measured run, and WAL segments kept for reuse after one, as on a server that has
        // been running: a fresh one zero-fills every new 16 MB segment (another tenth, perf: XLogFileInit). Takes
        // effect on the restart below.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            foreach (var setting in Settings)
            {
                await using var alter = new NpgsqlCommand($"ALTER SYSTEM SET {setting}", connection);
                await alter.ExecuteNonQueryAsync();
            }
        }

        NpgsqlConnection.ClearAllPools();
        await StopAsync(first);
        first.Dispose();
        return new LocalPostgres(await LaunchAsync(script, data, port, connectionString), root, connectionString);
    }

    /// <summary>The server settings the benchmark runs with (printed with the figures).</summary>
    public static readonly string[] Settings =
        ["shared_buffers = '4GB'", "max_wal_size = '8GB'", "min_wal_size = '4GB'", "checkpoint_timeout = '30min'"];

    private static async Task<Process> LaunchAsync(string script, string data, int port, string connectionString)
    {
        var start = new ProcessStartInfo("bash", [script, data]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PGPORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGPASSWORD"] = "postgres";
        var process = Process.Start(start) ?? throw new InvalidOperationException("pg-run.sh did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                return process;
            }
            catch (Exception ex) when (ex is NpgsqlException or SocketException && DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(250);
            }
        }
    }

    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            // pg-run.sh turns SIGTERM into a fast shutdown of postgres.
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill!.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(_process);
        _process.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
