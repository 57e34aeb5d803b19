using System.Diagnostics;
using System.Security.Cryptography;
using DotNet.Testcontainers.Containers;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;
using Testcontainers.Redis;

namespace CreditPower.TestSupport;

/// <summary>Runs the servers as Docker containers; Testcontainers' Ryuk removes them if the test host dies.</summary>
internal sealed class ContainerServers : IServerHost
{
    // Same major versions as the Debian 12 packages the local mode uses.
    private const string PostgresImage = "postgres:15-alpine";
    private const string RabbitMqImage = "rabbitmq:3.13-alpine";
    private const string RedisImage = "redis:7-alpine";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);

    private readonly string _password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
    private readonly int _amqpPort = LoopbackPorts.Free(1)[0];
    private readonly PostgreSqlContainer _postgres;
    private readonly RabbitMqContainer _rabbit;
    private readonly RedisContainer _redis;

    public ContainerServers()
    {
        _postgres = new PostgreSqlBuilder(PostgresImage).WithUsername("postgres").WithPassword(_password).Build();

        // A fixed host port: a restarted container would otherwise get a new random one and consumers could not reconnect.
        _rabbit = new RabbitMqBuilder(RabbitMqImage).WithUsername("guest").WithPassword("guest")
            .WithPortBinding(_amqpPort, 5672).Build();
        _redis = new RedisBuilder(RedisImage).Build();
    }

    public string PostgresConnectionString =>
        $"Host={_postgres.Hostname};Port={_postgres.GetMappedPublicPort(5432)};Username=postgres;Password={_password}";

    public string RabbitMqConnectionString => $"amqp://guest:guest@{_rabbit.Hostname}:{_amqpPort}";

    public string RedisConnectionString => $"{_redis.Hostname}:{_redis.GetMappedPublicPort(6379)}";

    public async Task<IReadOnlyDictionary<string, TimeSpan>> StartAsync(CancellationToken cancellationToken)
    {
        return await Readiness.StartAllAsync(cancellationToken,
            ("postgres", ct => StartAsync(_postgres, "postgres", probe => Readiness.PostgresAsync(PostgresConnectionString, probe), ct)),
            ("rabbitmq", ct => StartAsync(_rabbit, "rabbitmq", probe => Readiness.RabbitMqAsync(RabbitMqConnectionString, probe), ct)),
            ("redis", ct => StartAsync(_redis, "redis", probe => Readiness.RedisAsync(RedisConnectionString, probe), ct)));
    }

    public Task StopRabbitMqAsync() => _rabbit.StopAsync();

    public Task StartRabbitMqAsync(CancellationToken cancellationToken) =>
        StartAsync(_rabbit, "rabbitmq", ct => Readiness.RabbitMqAsync(RabbitMqConnectionString, ct), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_postgres.DisposeAsync().AsTask(), _rabbit.DisposeAsync().AsTask(), _redis.DisposeAsync().AsTask());
    }

    private static async Task<TimeSpan> StartAsync(
        IContainer container, string name, Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await container.StartAsync(cancellationToken);

        // The module's own wait strategy may pass before the broker accepts AMQP logins; probe like local mode does.
        await Readiness.WaitAsync(name, probe, () => container.State == TestcontainersStates.Exited ? "the container exited" : null,
            () => "", ReadyTimeout, cancellationToken);
        return clock.Elapsed;
    }
}
