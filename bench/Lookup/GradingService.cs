using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace CreditPower.Bench.Lookup;

/// <summary>Builds the Grading service in Release and runs it as a separate process, configured as in production.</summary>
internal static class GradingService
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(180);

    public static async Task<string> BuildAsync(string repoRoot, bool noBuild, CancellationToken cancellationToken)
    {
        var project = Path.Combine(repoRoot, "src", "Services", "Grading");
        var dll = Path.Combine(project, "bin", "Release", "net10.0", "CreditPower.Grading.dll");
        if (!noBuild)
        {
            var build = new ProcessStartInfo("dotnet") { UseShellExecute = false, WorkingDirectory = repoRoot };
            foreach (var arg in new[] { "build", project, "-c", "Release", "--nologo", "-v", "q" })
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

        return File.Exists(dll) ? dll : throw new FileNotFoundException("The Grading service is not built in Release.", dll);
    }

    public static async Task<ChildProcess> StartAsync(
        string dll, int port, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(DotnetHost()) { WorkingDirectory = Path.GetDirectoryName(dll)! };
        startInfo.ArgumentList.Add(dll);
        startInfo.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var child = ChildProcess.Start("grading", startInfo);
        await WaitHealthyAsync(child, $"http://127.0.0.1:{port}/health", cancellationToken);
        return child;
    }

    /// <summary>Polls <paramref name="url"/> until it answers 200, the process dies, or the timeout passes.</summary>
    public static async Task WaitHealthyAsync(ChildProcess child, string url, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (child.HasExited)
            {
                throw new InvalidOperationException($"{child.Name} exited before it was healthy:\n{child.Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
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
                throw new TimeoutException($"{child.Name} was not healthy at {url} within {ReadyTimeout.TotalSeconds} s:\n{child.Tail()}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string Secret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>The dotnet host running us (dotnet run sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";
}
