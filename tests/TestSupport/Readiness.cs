using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;
using RabbitMQ.Client;

namespace CreditPower.TestSupport;

internal static class Readiness
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Runs the named starts in parallel; the first failure cancels the others instead of waiting them out.</summary>
    public static async Task<IReadOnlyDictionary<string, TimeSpan>> StartAllAsync(
        CancellationToken cancellationToken, params (string Name, Func<CancellationToken, Task<TimeSpan>> Start)[] servers)
    {
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var all = Task.WhenAll(servers.Select(async server =>
        {
            try
            {
                return (server.Name, Time: await server.Start(failFast.Token));
            }
            catch
            {
                await failFast.CancelAsync();
                throw;
            }
        }));
        try
        {
            return (await all).ToDictionary(server => server.Name, server => server.Time);
        }
        catch when (all.Exception is { InnerExceptions.Count: > 1 } failures)
        {
            throw failures;
        }
    }

    /// <summary>Retries <paramref name="probe"/> until it succeeds; fails early when <paramref name="exited"/> reports the server gone.</summary>
    public static async Task WaitAsync(
        string name, Func<CancellationToken, Task> probe, Func<string?> exited, Func<string> logTail,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed < timeout)
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(AttemptTimeout);
            try
            {
                await probe(attempt.Token);
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                last = ex;
            }

            if (exited() is { } why)
            {
                throw Failure($"{name} failed to start: {why}.", last, logTail());
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        throw Failure($"{name} was not ready after {timeout.TotalSeconds:0} s: {last?.Message}", last, logTail());
    }

    public static async Task WaitUntilClosedAsync(int[] ports, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var open = false;
            foreach (var port in ports)
            {
                using var client = new TcpClient();
                try
                {
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    open = true;
                }
                catch (SocketException)
                {
                    // refused: nobody listens any more
                }
            }

            if (!open)
            {
                return;
            }

            await Task.Delay(PollInterval);
        }

        throw new TimeoutException($"Ports {string.Join(", ", ports)} still accept connections after {timeout.TotalSeconds:0} s.");
    }

    public static async Task PostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        // No pooling: failed attempts against a starting server must not leave broken pools behind.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public static async Task RabbitMqAsync(string connectionString, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(connectionString),
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = AttemptTimeout,
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
    }

    /// <summary>Raw RESP PING, so a starting server does not make a multiplexer log reconnect noise.</summary>
    public static async Task RedisAsync(string connectionString, CancellationToken cancellationToken)
    {
        var hostPort = connectionString.Split(',')[0];
        var colon = hostPort.LastIndexOf(':');
        using var client = new TcpClient();
        await client.ConnectAsync(hostPort[..colon], int.Parse(hostPort[(colon + 1)..], CultureInfo.InvariantCulture), cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        var reply = Encoding.ASCII.GetString(buffer, 0, read);
        if (!reply.StartsWith("+PONG", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Redis answered PING with '{reply.Trim()}'.");
        }
    }

    private static InvalidOperationException Failure(string message, Exception? inner, string logTail) =>
        new(logTail.Length == 0 ? message : $"{message}{Environment.NewLine}--- server output (tail) ---{Environment.NewLine}{logTail}", inner);
}
