using CreditPower.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreditPower.ServiceDefaults.Data;

/// <summary>A table worked as a queue through a partial index of its waiting rows (the outbox, the dispatch queue).</summary>
public sealed record QueueTable<TContext>(string Name) where TContext : DbContext;

/// <summary>How <see cref="QueueTableMaintenance{TContext}"/> looks after queue tables (configuration <c>Database:Queues:*</c>).</summary>
public sealed class QueueTableOptions
{
    public const string SectionName = "Database:Queues";

    /// <summary>How often the queue tables are looked at.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Dead rows a queue table may hold before it is vacuumed.</summary>
    public long DeadRows { get; set; } = 5_000;

    /// <summary>
    /// How often sent outbox rows and inbox rows past their retention are deleted: their age columns have no index (one
    /// more to write for every message), so each pruning reads the tables whole.
    /// </summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a sent outbox row is kept (for ops to trace what was published) before it is deleted.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// How long an inbox row is kept: longer than any redelivery can come late (a relay retrying for hours through a broker
    /// outage), so a redelivered message is still recognised.
    /// </summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(14);
}

/// <summary>
/// Keeps the queue tables cheap to claim from. A claim reads the oldest waiting rows through a partial index
/// (<c>WHERE sent_at IS NULL</c>, <c>WHERE "Status" = 'Queued'</c>); a row that leaves the queue leaves a dead entry at the
/// head of that index, and every claim walks over all of them until a vacuum removes them. PostgreSQL's autovacuum looks
/// once a minute and waits for a fifth of the table to be dead, so at 1,000 messages a second a claim walked over tens of
/// thousands of dead entries (300,000: 4.7 ms a claim instead of 0.1 ms; over a 5-minute run at 500 facts a second,
/// bench/Pipeline, PostgreSQL's CPU per fact went from 1.39 ms to 1.09 with this and the same day's other changes).
/// So: a queue table with more than <see cref="QueueTableOptions.DeadRows"/> dead rows is vacuumed within
/// <see cref="QueueTableOptions.Interval"/> (<c>SKIP_LOCKED</c>: a replica already vacuuming it is left to it), and sent
/// outbox rows and old inbox rows are deleted after their retention, so the tables, and each vacuum's pass over their indexes, stay the size of their
/// retention, not of the service's whole life (pruned every <see cref="QueueTableOptions.PruneInterval"/>).
/// </summary>
internal sealed partial class QueueTableMaintenance<TContext>(
    IServiceScopeFactory scopes,
    IEnumerable<QueueTable<TContext>> tables,
    IOptions<QueueTableOptions> options,
    TimeProvider clock,
    ILogger<QueueTableMaintenance<TContext>> logger) : BackgroundService where TContext : DbContext
{
    /// <summary>Rows one statement deletes: a short lock on a few pages at a time, not one long delete.</summary>
    private const int DeleteChunk = 5_000;

    private readonly string[] _tables = [.. tables.Select(t => t.Name).Distinct(StringComparer.Ordinal)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? pruned = null;
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (pruned is null || clock.GetUtcNow() - pruned >= options.Value.PruneInterval)
                {
                    await PruneAsync(stoppingToken);
                    pruned = clock.GetUtcNow();
                }

                await VacuumAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogMaintenanceFailed(logger, ex);
            }
        }
    }

    /// <summary>Deletes the sent outbox rows and the inbox rows past their retention.</summary>
    internal async Task PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow();
        await DeleteInChunksAsync(db, OutboxModelBuilderExtensions.OutboxTable, "sent_at", now - options.Value.SentRetention, cancellationToken);
        await DeleteInChunksAsync(db, OutboxModelBuilderExtensions.InboxTable, "processed_at", now - options.Value.InboxRetention, cancellationToken);
    }

    /// <summary>Vacuums each queue table holding more than <see cref="QueueTableOptions.DeadRows"/> dead rows; returns their names.</summary>
    internal async Task<IReadOnlyList<string>> VacuumAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var due = await db.Database
            .SqlQueryRaw<string>(
                "SELECT relname AS \"Value\" FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname = ANY({0}) AND n_dead_tup >= {1}",
                _tables, options.Value.DeadRows)
            .ToListAsync(cancellationToken);
        foreach (var table in due)
        {
            // Not in a transaction (VACUUM refuses one); the name comes from the service's own registrations.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync($"VACUUM (SKIP_LOCKED) \"{table}\"", cancellationToken);
#pragma warning restore EF1002
        }

        return due;
    }

    private static async Task DeleteInChunksAsync(TContext db, string table, string column, DateTimeOffset before, CancellationToken cancellationToken)
    {
        int deleted;
        do
        {
#pragma warning disable EF1002 // table and column are this class's constants
            deleted = await db.Database.ExecuteSqlRawAsync(
                $"DELETE FROM {table} WHERE ctid = ANY (ARRAY(SELECT ctid FROM {table} WHERE {column} < {{0}} LIMIT {DeleteChunk}))",
                [before], cancellationToken);
#pragma warning restore EF1002
        }
        while (deleted == DeleteChunk);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue table maintenance failed; trying again at the next interval")]
    private static partial void LogMaintenanceFailed(ILogger logger, Exception exception);
}
