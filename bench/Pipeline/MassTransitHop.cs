using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Data;
using CreditPower.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CreditPower.Bench.Pipeline;

/// <summary>
/// One MassTransit hop set up exactly as a service sets it up: service defaults (telemetry on), the service database
/// with the outbox wake-up, <see cref="MessagingExtensions.AddMessaging{TContext}"/> with our outbox relay, and a
/// consumer that commits an inbox row with its read-model change. Two ways in: a direct <c>IBus.Publish</c>, and the
/// outbox path a service uses (event row + outbox row in one transaction → relay publishes → consumer commits).
/// </summary>
internal sealed class MassTransitHop : IAsyncDisposable
{
    private const string DatabaseName = "pipeline-bench-db";
    private readonly IHost _host;
    private readonly CurrentRun _current;

    private MassTransitHop(IHost host, CurrentRun current)
    {
        _host = host;
        _current = current;
    }

    public static async Task<MassTransitHop> StartAsync(
        string databaseConnectionString, string rabbitMqConnectionString, IReadOnlyList<KeyValuePair<string, string?>> settings, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseName}"] = databaseConnectionString,
            [$"ConnectionStrings:{ResourceNames.RabbitMq}"] = rabbitMqConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
            // Failed commands are logged again by MassTransit's retry warning (R-RETRY), which is the one that matters here.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Critical",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        var current = new CurrentRun();
        builder.Services.AddSingleton(current);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddServiceDefaults();
        builder.AddServiceDatabase<BenchDbContext>(DatabaseName);
        // The bench's schema is made by EnsureCreated below, not by migrations of its own.
        builder.Services.ConfigureDbContext<BenchDbContext>(options => options.ConfigureWarnings(w => w
            .Ignore(RelationalEventId.PendingModelChangesWarning)
            .Ignore(RelationalEventId.MigrationsNotFound)));
        builder.AddMessaging<BenchDbContext>("pipeline-bench", bus => bus.AddConsumer<ProbeConsumer>());
        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BenchDbContext>().Database.EnsureCreatedAsync(cancellationToken);
        }

        await host.StartAsync(cancellationToken);
        return new MassTransitHop(host, current);
    }

    public Task<RunResult> PublishAsync(int run, int rate, int seconds, int warmupSeconds, Guid[] subjects, CancellationToken cancellationToken)
    {
        var bus = _host.Services.GetRequiredService<IBus>();
        var recorder = Start(run, rate, seconds, warmupSeconds);
        return RateDriver.RunAsync("MassTransit hop (IBus.Publish → consumer + inbox)", rate, seconds, warmupSeconds, recorder,
            // With the subject header the relay sets, so the consumer partitions these as it does relayed messages.
            sequence => bus.Publish(Probes.Make(run, sequence, subjects[sequence], DateTimeOffset.UtcNow),
                context => context.Headers.Set(PartitionKey.Header, subjects[sequence].ToString()), cancellationToken), cancellationToken);
    }

    public Task<RunResult> OutboxAsync(int run, int rate, int seconds, int warmupSeconds, Guid[] subjects, CancellationToken cancellationToken)
    {
        var scopes = _host.Services.GetRequiredService<IServiceScopeFactory>();
        var clock = _host.Services.GetRequiredService<TimeProvider>();
        var recorder = Start(run, rate, seconds, warmupSeconds);
        return RateDriver.RunAsync("outbox → relay → MassTransit → consumer + inbox", rate, seconds, warmupSeconds, recorder, async sequence =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
            var now = clock.GetUtcNow();
            db.Events.Add(new ProbeEvent { Id = NewId.NextGuid(), SubjectId = subjects[sequence], Run = run, Sequence = sequence, RecordedAt = now });
            db.AddToOutbox(Probes.Make(run, sequence, subjects[sequence], now), clock);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Outbox rows not yet marked sent (a relay that keeps up leaves none behind).</summary>
    public async Task<long> UnsentAsync(CancellationToken cancellationToken)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
        return await db.Set<OutboxMessage>().LongCountAsync(m => m.SentAt == null, cancellationToken);
    }

    private LatencyRecorder Start(int run, int rate, int seconds, int warmupSeconds)
    {
        var recorder = new LatencyRecorder(run, rate * (seconds + warmupSeconds));
        _current.Recorder = recorder;
        return recorder;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
