using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace CreditPower.Bench.Pipeline;

/// <summary>
/// A service or simulator the bench built in Release and runs as its own process (as bench/Lookup runs Grading), so the
/// figures include its real HTTP, hosting and GC set-up; keeps the tail of its output and is killed with its children.
/// </summary>
internal sealed class ServiceProcess : IDisposable
{
    private const int TailLines = 60;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(180);
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();
    private readonly Process _process;

    private ServiceProcess(string name, Process process, string url)
    {
        Name = name;
        _process = process;
        Url = url;
    }

    public string Name { get; }

    public string Url { get; }

    public int Id => _process.Id;

    /// <summary>Builds <paramref name="projectDirectory"/> (relative to the repository root) in Release unless told not to; returns its dll.</summary>
    public static async Task<string> BuildAsync(string projectDirectory, string assemblyName, bool noBuild, CancellationToken cancellationToken)
    {
        var project = Path.Combine(RepoRoot(), projectDirectory);
        var dll = Path.Combine(project, "bin", "Release", "net10.0", assemblyName + ".dll");
        if (!noBuild)
        {
            var build = new ProcessStartInfo("dotnet") { UseShellExecute = false, WorkingDirectory = RepoRoot() };
            foreach (var arg in new[] { "build", project, "-c", "Release", "--nologo", "-v", "q", "-clp:ErrorsOnly" })
            {
                build.ArgumentList.Add(arg);
            }

            using var process = Process.Start(build)!;
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet build {project} -c Release failed ({process.ExitCode}).");
            }
        }

        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{assemblyName} is not built in Release.", dll);
    }

    /// <summary>Starts <paramref name="dll"/> on <paramref name="port"/> in Production with warnings-only logs and waits for /health.</summary>
    public static async Task<ServiceProcess> StartAsync(
        string name, string dll, int port, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(dll);
        startInfo.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var child = new ServiceProcess(name, process, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await child.WaitHealthyAsync(cancellationToken);
        }
        catch
        {
            child.Dispose();
            throw;
        }

        return child;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A fresh random secret per run: no key is written in code or configuration.</summary>
    public static string Secret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>User + system CPU time so far.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public string Tail()
    {
        lock (_gate)
        {
            return string.Join('\n', _tail);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited before it was healthy:\n{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync($"{Url}/health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // not listening yet
            }

            if (deadline.Elapsed > ReadyTimeout)
            {
                throw new TimeoutException($"{Name} was not healthy at {Url}/health within {ReadyTimeout.TotalSeconds} s:\n{Tail()}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }

    /// <summary>The directory holding CreditPower.sln, above the bench's own binaries.</summary>
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CreditPower.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CreditPower.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The dotnet host running us (dotnet run sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";
}
