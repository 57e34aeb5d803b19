using CreditPower.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CreditPower.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>The most connections a service's EF pool opens (<c>Database:MaxConnections</c> overrides it).</summary>
    public const int DefaultMaxConnections = 20;

    /// <summary>Statements each connection keeps prepared (<c>Database:MaxAutoPrepare</c> overrides it; 0 turns it off).</summary>
    public const int DefaultMaxAutoPrepare = 100;

    /// <summary>
    /// The service's own PostgreSQL database: EF Core with Aspire's retries, health check and
    /// tracing, the outbox wake-up, and migrations applied at start-up before the bus starts.
    /// The pool is capped (<see cref="DefaultMaxConnections"/>): with Npgsql's default of 100, one overloaded service
    /// took every connection PostgreSQL allows (its requests each holding one while they waited for the CPU), and the
    /// other services' next connection was refused (bench/Pipeline). Past the cap a request waits in the pool's queue.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var configured = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set.");
        var pool = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        pool.MaxPoolSize = Math.Min(pool.MaxPoolSize, builder.Configuration.GetValue("Database:MaxConnections", DefaultMaxConnections));

        // EF sends the same few statements over and over (the outbox, the inbox, each feature's queries): prepared once per
        // connection, PostgreSQL skips parsing and planning them on every later use (bench/Pipeline).
        if (pool.MaxAutoPrepare == 0)
        {
            pool.MaxAutoPrepare = builder.Configuration.GetValue("Database:MaxAutoPrepare", DefaultMaxAutoPrepare);
        }

        // A connection back in the pool is not reset: with statements kept prepared, Npgsql cannot reset with one DISCARD ALL,
        // and sends seven statements instead (RESET ALL, UNLISTEN *, pg_advisory_unlock_all()…) ahead of the next use of
        // every connection, some 600 a second on the full path at 500 facts a second (pg_stat_statements). The services
        // leave nothing on a session: settings are SET LOCAL, locks transaction-scoped, or released where they are taken.
        pool.NoResetOnClose = true;

        var connectionString = pool.ConnectionString;

        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxSignalInterceptor>();
        // Pooled: a context is reset and reused rather than built with its options for every scope (every message and
        // request), as EF Core recommends for services. On the full path (bench/Pipeline) no change in CPU per fact stood
        // out of the ±5 % between runs.
        builder.Services.AddDbContextPool<TContext>((services, options) => options
            .UseNpgsql(connectionString)
            .AddInterceptors(services.GetRequiredService<OutboxSignalInterceptor>()));
        builder.EnrichNpgsqlDbContext<TContext>();

        // Registered before MassTransit's hosted service: hosted services start in order.
        return builder.AddDatabaseMigration<TContext>();
    }

    /// <summary>
    /// Applies <typeparamref name="TContext"/>'s pending migrations at start-up, inside the execution strategy
    /// and traced, before hosted services registered after this call start and before requests are served.
    /// </summary>
    public static IHostApplicationBuilder AddDatabaseMigration<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext
    {
        builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
        return builder;
    }

    /// <summary>
    /// Keeps <paramref name="table"/>, a table worked as a queue through a partial index, vacuumed as it turns over
    /// (<see cref="QueueTableMaintenance{TContext}"/>; <c>AddMessaging</c> adds the outbox). Also prunes the outbox and inbox.
    /// </summary>
    public static IHostApplicationBuilder AddQueueTable<TContext>(this IHostApplicationBuilder builder, string table)
        where TContext : DbContext
    {
        builder.Services.AddSingleton(new QueueTable<TContext>(table));
        // Once per service, however many queue tables it has (Notifications: its outbox and its contact log).
        if (!builder.Services.Any(d => d.ServiceType == typeof(IValidateOptions<QueueTableOptions>)))
        {
            builder.Services.AddOptions<QueueTableOptions>().BindConfiguration(QueueTableOptions.SectionName)
                .Validate(o => o.Interval > TimeSpan.Zero && o.PruneInterval > TimeSpan.Zero && o.DeadRows >= 0,
                    $"{QueueTableOptions.SectionName}: Interval and PruneInterval must be positive, DeadRows at least 0.")
                .ValidateOnStart();
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, QueueTableMaintenance<TContext>>());
        return builder;
    }

    /// <summary>True when <paramref name="exception"/> is a unique-constraint violation (to answer 409).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };

    /// <summary>
    /// True when <paramref name="exception"/> violates the unique <paramref name="constraint"/> (an index or key name):
    /// a table with two unique keys says which one the caller collided with.
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException exception, string constraint) =>
        exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } violation
        && string.Equals(violation.ConstraintName, constraint, StringComparison.Ordinal);
}
