using CreditPower.Grading.Domain;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CreditPower.Grading.Features.Reevaluation;

/// <summary>A monthly run was asked for while another run is still going.</summary>
internal sealed class ReevaluationInProgressException(Guid runningId)
    : InvalidOperationException($"Re-evaluation {runningId} is still running.")
{
    public Guid RunningId { get; } = runningId;
}

/// <summary>
/// Creates a run and its subject ranges, cut where the ids are (<see cref="SubjectRange.CutAsync"/>), and wakes the
/// worker. Starts are serialised across replicas by a transaction advisory lock. A monthly run is refused while another
/// runs (409 at the API); an activation run is queued behind it instead, because the activation has already happened
/// and its re-evaluation must not be lost.
/// </summary>
internal sealed class ReevaluationLauncher(
    ReevaluationDataSource database,
    ReevaluationSignal signal,
    IOptions<ReevaluationOptions> options,
    TimeProvider clock) : IReevaluationLauncher
{
    private const long StartLock = 0x7265_6576_616C_0001; // "reeval" 1

    public async Task<Guid> StartAsync(ReevaluationKind kind, string ruleVersion, string startedBy, CancellationToken cancellationToken) =>
        await StartCoreAsync(kind, ruleVersion, startedBy, monthOf: null, cancellationToken)
        ?? throw new InvalidOperationException("A run was not started.");

    /// <summary>
    /// Starts the scheduled monthly run unless one has started since <paramref name="scheduledAt"/> (another replica)
    /// or another run is going (the schedule tries again later); null when not started.
    /// </summary>
    public Task<Guid?> StartScheduledMonthlyAsync(string ruleVersion, DateTimeOffset scheduledAt, CancellationToken cancellationToken) =>
        StartCoreAsync(ReevaluationKind.Monthly, ruleVersion, "schedule", scheduledAt, cancellationToken);

    private async Task<Guid?> StartCoreAsync(
        ReevaluationKind kind, string ruleVersion, string startedBy, DateTimeOffset? monthOf, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockStart = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockStart.Parameters.AddWithValue("key", StartLock);
            await lockStart.ExecuteNonQueryAsync(cancellationToken);
        }

        if (monthOf is { } scheduledAt)
        {
            await using var already = new NpgsqlCommand(
                """SELECT EXISTS (SELECT 1 FROM reevaluation_runs WHERE "Kind" = 'Monthly' AND "StartedAt" >= @at)""", connection, transaction);
            already.Parameters.AddWithValue("at", scheduledAt);
            if ((bool)(await already.ExecuteScalarAsync(cancellationToken))!)
            {
                return null;
            }
        }

        if (kind == ReevaluationKind.Monthly)
        {
            await using var running = new NpgsqlCommand(
                """SELECT "Id" FROM reevaluation_runs WHERE "FinishedAt" IS NULL ORDER BY "StartedAt" LIMIT 1""", connection, transaction);
            if (await running.ExecuteScalarAsync(cancellationToken) is Guid runningId)
            {
                return monthOf is null ? throw new ReevaluationInProgressException(runningId) : null;
            }
        }

        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var (subjects, ranges) = await SubjectRange.CutAsync(connection, transaction, Math.Clamp(options.Value.Partitions, 1, 4096), cancellationToken);
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO reevaluation_runs ("Id", "Kind", "RuleVersion", "AsOf", "Total", "Done", "Changed", "StartedAt", "StartedBy")
            VALUES (@id, @kind, @version, @now, @total, 0, 0, @now, @by);
            INSERT INTO reevaluation_partitions ("RunId", "Partition", "Of", "From", "To", "Done", "Changed")
            SELECT @id, r.n - 1, @of, r.from_id, r.to_id, 0, 0 FROM unnest(@from, @to) WITH ORDINALITY AS r(from_id, to_id, n);
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("kind", kind.ToString());
            insert.Parameters.AddWithValue("version", ruleVersion);
            insert.Parameters.AddWithValue("now", now);
            insert.Parameters.AddWithValue("total", subjects);
            insert.Parameters.AddWithValue("by", startedBy.Length > 100 ? startedBy[..100] : startedBy);
            insert.Parameters.AddWithValue("of", ranges.Count);
            insert.Parameters.Add(new NpgsqlParameter<Guid?[]>("from", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. ranges.Select(r => r.From)] });
            insert.Parameters.Add(new NpgsqlParameter<Guid?[]>("to", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. ranges.Select(r => r.To)] });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        return id;
    }
}

/// <summary>Wakes this replica's worker as soon as a run is started here, so it need not poll fast.</summary>
internal sealed class ReevaluationSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up is enough.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
