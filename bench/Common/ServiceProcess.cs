using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace CreditPower.Bench;

/// <summary>
/// A server the bench runs as its own process — a service or simulator built in Release, or a baseline the bench
/// serves itself — so the figures include its real HTTP, hosting and GC set-up; keeps the tail of its output and is
/// killed with its children.
/// </summary>
public sealed class ServiceProcess : IDisposable
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

    /// <summary>Where it listens (no trailing slash).</summary>
    public string Url { get; }

    public int Id => _process.Id;

    /// <summary>Builds <paramref name="projectDirectory"/> (relative to the repository root) in Release unless told not to; returns its dll.</summary>
    /// <remarks>Await one build before starting the next: two at once on 2 cores are no faster and race on the projects they share.</remarks>
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
    public static Task<ServiceProcess> StartAsync(
        string name, string dll, int port, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(DotnetHost()) { WorkingDirectory = Path.GetDirectoryName(dll)! };
        startInfo.ArgumentList.Add(dll);
        startInfo.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        return StartAsync(name, startInfo, $"http://127.0.0.1:{port}", "/health", cancellationToken);
    }

    /// <summary>
    /// Starts <paramref name="startInfo"/> (its output is redirected here) and waits until <paramref name="url"/> +
    /// <paramref name="readyPath"/> answers 200; stops it again if it dies or is not ready in time.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(
        string name, ProcessStartInfo startInfo, string url, string readyPath, CancellationToken cancellationToken)
    {
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        var process = new Process { StartInfo = startInfo };
        var child = new ServiceProcess(name, process, url);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await child.WaitReadyAsync(readyPath, cancellationToken);
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

    /// <summary>The dotnet host running us (dotnet run sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";

    /// <summary>User + system CPU time so far.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>Peak resident set (VmHWM) in MiB, as the kernel counts it.</summary>
    public double PeakWorkingSetMiB() => StatusKiB("VmHWM:") / 1024.0;

    public double WorkingSetMiB() => StatusKiB("VmRSS:") / 1024.0;

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
            // already gone, or never started
        }

        _process.Dispose();
    }

    private async Task WaitReadyAsync(string readyPath, CancellationToken cancellationToken)
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
                using var response = await http.GetAsync(Url + readyPath, cancellationToken);
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
                throw new TimeoutException($"{Name} was not healthy at {Url}{readyPath} within {ReadyTimeout.TotalSeconds} s:\n{Tail()}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private long StatusKiB(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
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
    public static string RepoRoot()
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
}
