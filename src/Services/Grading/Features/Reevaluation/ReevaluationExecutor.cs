using System.Text.Json;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CreditPower.Grading.Features.Reevaluation;

/// <summary>
/// Works on a run's subject ranges: claims each free range with a session advisory lock (held on the connection that
/// applies it, so a crashed replica's range is free again), applies it with <see cref="ReevaluationEngine"/> and marks
/// it done with the run's progress in the same transaction; the replica that finishes the last range closes the run.
/// Used by the service's worker and, unchanged, by the benchmark.
/// </summary>
internal sealed partial class ReevaluationExecutor(
    ReevaluationDataSource database,
    ReevaluationEngine engine,
    IOptions<ReevaluationOptions> options,
    TimeProvider clock,
    ILogger<ReevaluationExecutor> logger,
    IEnumerable<IReevaluationObserver> observers)
{
    /// <summary>The oldest run not finished, if any: runs go one at a time, in the order they were started.</summary>
    public async Task<ReevaluationRunInfo?> NextRunAsync(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            """SELECT "Id", "Kind", "RuleVersion", "AsOf" FROM reevaluation_runs WHERE "FinishedAt" IS NULL ORDER BY "StartedAt" LIMIT 1""");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ReevaluationRunInfo(reader.GetGuid(0), Enum.Parse<ReevaluationKind>(reader.GetString(1)), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3))
            : null;
    }

    /// <summary>Applies every range of <paramref name="run"/> that no one else holds; true when the run is finished.</summary>
    public async Task<bool> WorkOnAsync(ReevaluationRunInfo run, CancellationToken cancellationToken)
    {
        try
        {
            var rules = await LoadRulesAsync(run.RuleVersion, cancellationToken);
            var ranges = await OpenRangesAsync(run.Id, cancellationToken);
            var home = options.Value.PartitionIndex ?? 0;
            var queue = new Queue<SubjectRange>(ranges.OrderBy(r => ((r.Index - home) % r.Of + r.Of) % r.Of));
            var workers = Enumerable.Range(0, Math.Max(1, options.Value.Parallelism)).Select(_ => Task.Run(async () =>
            {
                while (true)
                {
                    SubjectRange range;
                    lock (queue)
                    {
                        if (!queue.TryDequeue(out range))
                        {
                            return;
                        }
                    }

                    await TryApplyRangeAsync(run, rules, range, cancellationToken);
                }
            }, cancellationToken));
            await Task.WhenAll(workers);
            return await TryFinishAsync(run, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRunFailed(logger, ex, run.Id);
            await FailAsync(run, ex, CancellationToken.None);
            return true;
        }
    }

    private async Task TryApplyRangeAsync(ReevaluationRunInfo run, RuleSet rules, SubjectRange range, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            // Lock first, then look in a fresh snapshot: a range finished just before the lock was taken is seen as done.
            await using (var claim = new NpgsqlCommand("SELECT pg_try_advisory_lock(@run, @partition)", connection))
            {
                claim.Parameters.AddWithValue("run", LockKey(run.Id));
                claim.Parameters.AddWithValue("partition", range.Index);
                if (!(bool)(await claim.ExecuteScalarAsync(cancellationToken))!)
                {
                    return;
                }
            }

            await using (var open = new NpgsqlCommand(
                """
                SELECT EXISTS (SELECT 1 FROM reevaluation_partitions WHERE "RunId" = @id AND "Partition" = @partition AND "FinishedAt" IS NULL)
                   AND EXISTS (SELECT 1 FROM reevaluation_runs WHERE "Id" = @id AND "FinishedAt" IS NULL)
                """, connection))
            {
                open.Parameters.AddWithValue("id", run.Id);
                open.Parameters.AddWithValue("partition", range.Index);
                if (!(bool)(await open.ExecuteScalarAsync(cancellationToken))!)
                {
                    return;
                }
            }

            await ApplyRangeAsync(connection, run, rules, range, cancellationToken);
        }
        catch (RangeAlreadyAppliedException)
        {
            // Another replica got there first; its transaction is the one that counts.
        }
        finally
        {
            // The lock belongs to the session, which goes back to the pool: release it explicitly.
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private sealed class RangeAlreadyAppliedException() : InvalidOperationException("The range was applied by another replica.");

    private async Task ApplyRangeAsync(NpgsqlConnection connection, ReevaluationRunInfo run, RuleSet rules, SubjectRange range, CancellationToken cancellationToken)
    {
        var outcome = await engine.ApplyAsync(connection, run, rules, range, async (c, transaction, done) =>
        {
            await using var progress = new NpgsqlCommand(
                """
                UPDATE reevaluation_partitions SET "Done" = @done, "Changed" = @changed, "FinishedAt" = @now
                WHERE "RunId" = @id AND "Partition" = @partition AND "FinishedAt" IS NULL;
                UPDATE reevaluation_runs SET "Done" = "Done" + @done, "Changed" = "Changed" + @changed WHERE "Id" = @id;
                """, c, transaction);
            progress.Parameters.AddWithValue("done", done.Evaluated);
            progress.Parameters.AddWithValue("changed", done.Changed);
            progress.Parameters.AddWithValue("now", clock.GetUtcNow());
            progress.Parameters.AddWithValue("id", run.Id);
            progress.Parameters.AddWithValue("partition", range.Index);
            // The range's row is the once-only guard: a second applier of the same range rolls back here.
            if (await progress.ExecuteNonQueryAsync(cancellationToken) != 2)
            {
                throw new RangeAlreadyAppliedException();
            }
        }, cancellationToken);

        LogRangeApplied(logger, run.Id, range.Index, range.Of, outcome.Evaluated, outcome.Changed,
            (long)outcome.Reading.TotalMilliseconds, (long)outcome.Staging.TotalMilliseconds,
            (long)outcome.Applying.TotalMilliseconds, outcome.Expired, (long)outcome.Expiring.TotalMilliseconds);
        foreach (var observer in observers)
        {
            await observer.RangeAppliedAsync(run, outcome, cancellationToken);
        }
    }

    private async Task<bool> TryFinishAsync(ReevaluationRunInfo run, CancellationToken cancellationToken)
    {
        // Total becomes what was evaluated: subjects registered during the run may have added to it.
        await using var finish = database.DataSource.CreateCommand(
            """
            UPDATE reevaluation_runs SET "FinishedAt" = @now, "Total" = "Done"
            WHERE "Id" = @id AND "FinishedAt" IS NULL
              AND NOT EXISTS (SELECT 1 FROM reevaluation_partitions WHERE "RunId" = @id AND "FinishedAt" IS NULL)
            RETURNING 1
            """);
        finish.Parameters.AddWithValue("now", clock.GetUtcNow());
        finish.Parameters.AddWithValue("id", run.Id);
        if (await finish.ExecuteScalarAsync(cancellationToken) is null)
        {
            return await IsFinishedAsync(run.Id, cancellationToken);
        }

        LogRunFinished(logger, run.Id);
        foreach (var observer in observers)
        {
            await observer.RunFinishedAsync(run, cancellationToken);
        }

        return true;
    }

    private async Task<bool> IsFinishedAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("""SELECT "FinishedAt" IS NOT NULL FROM reevaluation_runs WHERE "Id" = @id""");
        command.Parameters.AddWithValue("id", runId);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private async Task FailAsync(ReevaluationRunInfo run, Exception exception, CancellationToken cancellationToken)
    {
        await using var fail = database.DataSource.CreateCommand(
            """UPDATE reevaluation_runs SET "FinishedAt" = @now, "Error" = @error WHERE "Id" = @id AND "FinishedAt" IS NULL""");
        fail.Parameters.AddWithValue("now", clock.GetUtcNow());
        var error = $"{exception.GetType().Name}: {exception.Message}";
        fail.Parameters.AddWithValue("error", error.Length > 2000 ? error[..2000] : error);
        fail.Parameters.AddWithValue("id", run.Id);
        await fail.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<List<SubjectRange>> OpenRangesAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            """SELECT "Partition", "Of", "From", "To" FROM reevaluation_partitions WHERE "RunId" = @id AND "FinishedAt" IS NULL""");
        command.Parameters.AddWithValue("id", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ranges = new List<SubjectRange>();
        while (await reader.ReadAsync(cancellationToken))
        {
            // The bounds the run was started with, whatever this replica's own Partitions says.
            ranges.Add(new SubjectRange(reader.GetInt32(0), reader.GetInt32(1),
                reader.IsDBNull(2) ? null : reader.GetGuid(2), reader.IsDBNull(3) ? null : reader.GetGuid(3)));
        }

        return ranges;
    }

    /// <summary>The rules of <paramref name="version"/> as stored (the seeded default before it is stored).</summary>
    public async Task<RuleSet> LoadRulesAsync(string version, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("""SELECT "Definition" FROM rule_sets WHERE "Version" = @version""");
        command.Parameters.AddWithValue("version", version);
        if (await command.ExecuteScalarAsync(cancellationToken) is string json)
        {
            return JsonSerializer.Deserialize<RuleSetDefinition>(json, RuleSetVersionConfiguration.Json)!.ToRuleSet(version);
        }

        return version == DefaultRuleSet.Version
            ? DefaultRuleSet.Instance
            : throw new InvalidOperationException($"Rule set {version} is not stored.");
    }

    // The two-key advisory lock space: the run (hashed) and the range.
    private static int LockKey(Guid runId) => runId.GetHashCode();

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Re-evaluation {RunId}: range {Partition}/{Of} applied, {Evaluated} evaluated, {Changed} changed colour; read and scored in {ReadMs} ms, staged in {StageMs} ms, applied in {ApplyMs} ms, {Expired} expired in {ExpireMs} ms")]
    private static partial void LogRangeApplied(
        ILogger logger, Guid runId, int partition, int of, long evaluated, long changed, long readMs, long stageMs, long applyMs, long expired, long expireMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-evaluation {RunId} finished")]
    private static partial void LogRunFinished(ILogger logger, Guid runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-evaluation {RunId} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, Guid runId);
}

/// <summary>What happens around the bulk path in the service: cache invalidation, waking the outbox relay.</summary>
internal interface IReevaluationObserver
{
    Task RangeAppliedAsync(ReevaluationRunInfo run, PartitionOutcome outcome, CancellationToken cancellationToken);

    Task RunFinishedAsync(ReevaluationRunInfo run, CancellationToken cancellationToken);
}

/// <summary>The connection pool of the bulk path (the service's database, outside EF).</summary>
internal sealed class ReevaluationDataSource(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource => dataSource;

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
