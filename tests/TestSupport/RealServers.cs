using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace CreditPower.TestSupport;

/// <summary>
/// Real PostgreSQL, RabbitMQ and Redis for integration tests, on loopback ports with throw-away data.
/// Uses Testcontainers when a Docker daemon answers, otherwise the locally installed servers through eng/infra;
/// <c>CREDITPOWER_TEST_SERVERS=local|containers</c> forces a mode.
/// </summary>
public sealed class RealServers : IAsyncDisposable
{
    private const string ModeVariable = "CREDITPOWER_TEST_SERVERS";
    private readonly IServerHost _host;

    private RealServers(IServerHost host, string mode, IReadOnlyDictionary<string, TimeSpan> startupTimes)
    {
        _host = host;
        Mode = mode;
        StartupTimes = startupTimes;
    }

    /// <summary>"local" or "containers".</summary>
    public string Mode { get; }

    /// <summary>How long each server ("postgres", "rabbitmq", "redis") took from launch until it answered.</summary>
    public IReadOnlyDictionary<string, TimeSpan> StartupTimes { get; }

    /// <summary>Npgsql form without a database: Host=...;Port=...;Username=postgres;Password=...</summary>
    public string PostgresConnectionString => _host.PostgresConnectionString;

    /// <summary>amqp://guest:guest@host:port; the port survives <see cref="StopRabbitMqAsync"/> / <see cref="StartRabbitMqAsync"/>.</summary>
    public string RabbitMqConnectionString => _host.RabbitMqConnectionString;

    /// <summary>StackExchange.Redis form: host:port.</summary>
    public string RedisConnectionString => _host.RedisConnectionString;

    public static async Task<RealServers> StartAsync(CancellationToken cancellationToken = default)
    {
        var mode = Environment.GetEnvironmentVariable(ModeVariable)?.Trim().ToLowerInvariant() switch
        {
            // the scripts need bash, so Windows only has containers
            null or "" => OperatingSystem.IsWindows() || await DockerAnswersAsync(cancellationToken) ? "containers" : "local",
            "local" => "local",
            "containers" => "containers",
            var other => throw new InvalidOperationException($"{ModeVariable}='{other}': expected 'local' or 'containers'."),
        };
        IServerHost host = mode == "containers" ? new ContainerServers() : new LocalServers();
        try
        {
            return new RealServers(host, mode, await host.StartAsync(cancellationToken));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the broker (gracefully, so durable data is kept) until <see cref="StartRabbitMqAsync"/>.</summary>
    public Task StopRabbitMqAsync() => _host.StopRabbitMqAsync();

    /// <summary>Starts the broker again on the same port with the same data; returns once it accepts connections.</summary>
    public Task StartRabbitMqAsync(CancellationToken cancellationToken = default) => _host.StartRabbitMqAsync(cancellationToken);

    public string CreateDatabaseConnectionString(string databaseName) =>
        new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = databaseName }.ConnectionString;

    public async Task CreateDatabaseAsync(string databaseName, CancellationToken cancellationToken = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{databaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>The docker CLI may be installed without a daemon, so only an answered GET /_ping counts.</summary>
    private static async Task<bool> DockerAnswersAsync(CancellationToken cancellationToken)
    {
        var dockerHost = Environment.GetEnvironmentVariable("DOCKER_HOST") ?? "unix:///var/run/docker.sock";
        if (!Uri.TryCreate(dockerHost, UriKind.Absolute, out var uri) || uri.Scheme is not ("unix" or "tcp"))
        {
            return false;
        }

        using var socket = uri.Scheme == "unix"
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        EndPoint endPoint = uri.Scheme == "unix" ? new UnixDomainSocketEndPoint(uri.AbsolutePath) : new DnsEndPoint(uri.Host, uri.Port);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await socket.ConnectAsync(endPoint, timeout.Token);
            await socket.SendAsync("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var read = await socket.ReceiveAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("HTTP/1.", StringComparison.Ordinal)
                && Encoding.ASCII.GetString(buffer, 0, read).Contains(" 200 ", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
