using System.Diagnostics;
using Npgsql;
using RabbitMQ.Client;
using StackExchange.Redis;
using Xunit;

[assembly: AssemblyFixture(typeof(CreditPower.TestSupport.RealServersFixture))]

namespace CreditPower.TestSupport.Tests;

// One class: its tests run one after another, so the RabbitMQ restart cannot disturb a test running beside it.
public sealed class RealServersTests(RealServersFixture fixture, ITestOutputHelper output)
{
    private readonly RealServers _servers = fixture.Servers;

    [Fact]
    public async Task Postgres_answers_queries_and_creates_databases()
    {
        var ct = TestContext.Current.CancellationToken;
        output.WriteLine($"mode {_servers.Mode}: " + string.Join(", ", _servers.StartupTimes.Select(t => $"{t.Key} {t.Value.TotalSeconds:0.00} s")));
        var name = $"probe_{Guid.NewGuid():N}";

        await _servers.CreateDatabaseAsync(name, ct);

        await using var connection = new NpgsqlConnection(_servers.CreateDatabaseConnectionString(name));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT current_database()", connection);
        Assert.Equal(name, await command.ExecuteScalarAsync(ct));
    }

    [Fact]
    public async Task RabbitMq_restart_on_the_same_port_keeps_durable_messages_and_lets_clients_reconnect()
    {
        var ct = TestContext.Current.CancellationToken;
        var queue = $"restart-{Guid.NewGuid():N}";
        byte[] body = [1, 2, 3];
        var factory = new ConnectionFactory
        {
            Uri = new Uri(_servers.RabbitMqConnectionString),
            AutomaticRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromMilliseconds(500),
        };
        await using var connection = await factory.CreateConnectionAsync(ct);
        var recovered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.RecoverySucceededAsync += (_, _) =>
        {
            recovered.TrySetResult();
            return Task.CompletedTask;
        };
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
        await channel.BasicPublishAsync("", queue, mandatory: true, new BasicProperties { Persistent = true }, body, ct);

        var clock = Stopwatch.StartNew();
        await _servers.StopRabbitMqAsync();
        var stopped = clock.Elapsed;
        await Assert.ThrowsAnyAsync<Exception>(async () => await ConnectOnceAsync(factory, ct));
        clock.Restart();
        await _servers.StartRabbitMqAsync(ct);
        output.WriteLine($"rabbitmq stop {stopped.TotalSeconds:0.00} s, start {clock.Elapsed.TotalSeconds:0.00} s");

        await recovered.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        var message = await channel.BasicGetAsync(queue, autoAck: true, ct);
        Assert.NotNull(message);
        Assert.Equal(body, message.Body.ToArray());
    }

    [Fact]
    public async Task Redis_stores_and_returns_values()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_servers.RedisConnectionString);
        var database = redis.GetDatabase();

        await database.StringSetAsync("greeting", "hello");

        Assert.Equal("hello", (string?)await database.StringGetAsync("greeting"));
    }

    private static async Task ConnectOnceAsync(ConnectionFactory factory, CancellationToken ct)
    {
        var probe = new ConnectionFactory { Uri = factory.Uri, AutomaticRecoveryEnabled = false };
        await using var connection = await probe.CreateConnectionAsync(ct);
    }
}
