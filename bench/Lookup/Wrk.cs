using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CreditPower.Bench.Lookup;

/// <summary>What one wrk run printed, parsed.</summary>
internal sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Non2xx, long SocketErrors, string Output);

/// <summary>Runs wrk (the Debian package) and reads its summary.</summary>
internal static partial class Wrk
{
    public static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        if (await ExitCodeAsync("sh", ["-c", "command -v wrk >/dev/null"], cancellationToken) == 0)
        {
            return;
        }

        Console.WriteLine("wrk is missing; installing the Debian package (apt-get install wrk)…");
        var sudo = Environment.UserName == "root" ? [] : new[] { "sudo" };
        string[] update = [.. sudo, "apt-get", "update", "-q"];
        string[] install = [.. sudo, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-q", "--no-install-recommends", "wrk"];
        if (await ExitCodeAsync(update[0], update[1..], cancellationToken) != 0
            || await ExitCodeAsync(install[0], install[1..], cancellationToken) != 0)
        {
            throw new InvalidOperationException("Could not install wrk; run: sudo apt-get install -y wrk");
        }
    }

    public static async Task<WrkResult> RunAsync(
        string url, int threads, int connections, int seconds, string? script, string? authorization, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { $"-t{threads}", $"-c{connections}", $"-d{seconds}s", "--latency", "--timeout", "5s" })
        {
            startInfo.ArgumentList.Add(arg);
        }

        if (script is not null)
        {
            startInfo.ArgumentList.Add("-s");
            startInfo.ArgumentList.Add(script);
        }

        if (authorization is not null)
        {
            startInfo.ArgumentList.Add("-H");
            startInfo.ArgumentList.Add($"Authorization: {authorization}");
        }

        startInfo.ArgumentList.Add(url);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("wrk did not start.");
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var output = await stdout + await stderr;
            return process.ExitCode == 0 ? Parse(output) : throw new InvalidOperationException($"wrk failed ({process.ExitCode}):\n{output}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    public static WrkResult Parse(string output)
    {
        var rps = RequestsPerSecond().Match(output);
        var p50 = Percentile().Matches(output).FirstOrDefault(m => m.Groups[1].Value == "50");
        var p99 = Percentile().Matches(output).FirstOrDefault(m => m.Groups[1].Value == "99");
        var requests = Requests().Match(output);
        if (!rps.Success || p50 is null || p99 is null || !requests.Success)
        {
            throw new InvalidOperationException($"Unexpected wrk output:\n{output}");
        }

        var non2xx = Non2xx().Match(output);
        var socket = SocketErrors().Match(output);
        return new WrkResult(
            double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            Milliseconds(p50.Groups[2].Value, p50.Groups[3].Value),
            Milliseconds(p99.Groups[2].Value, p99.Groups[3].Value),
            long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture),
            non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            socket.Success ? socket.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0,
            output);
    }

    private static double Milliseconds(string number, string unit)
    {
        var value = double.Parse(number, CultureInfo.InvariantCulture);
        return unit switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            "m" => value * 60_000,
            "h" => value * 3_600_000,
            _ => throw new InvalidOperationException($"Unknown wrk time unit '{unit}'."),
        };
    }

    private static async Task<int> ExitCodeAsync(string file, string[] args, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var process = Process.Start(startInfo)!;
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s+(50|75|90|99)%\s+([0-9.]+)(us|ms|s|m|h)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentile();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
