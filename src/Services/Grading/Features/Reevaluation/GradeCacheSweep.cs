using CreditPower.ServiceDefaults.Messaging;
using StackExchange.Redis;

namespace CreditPower.Grading.Features.Reevaluation;

/// <summary>
/// After each range that changed colours, drops every grade look-up entry (<c>grading:grade:*</c>, found with SCAN)
/// and wakes the outbox relay. Deleting by pattern rather than versioning the key: the key belongs to the look-up
/// (Features/Grades), a version would cost each look-up one more Redis read or go stale on other replicas, and the
/// entries are only a 10-minute cache, so after a bulk change refilling them from PostgreSQL is cheap.
/// </summary>
internal sealed partial class GradeCacheSweep(IConnectionMultiplexer redis, OutboxSignal outbox, ILogger<GradeCacheSweep> logger) : IReevaluationObserver
{
    private const string Pattern = "grading:grade:*";
    private const int Batch = 500;

    public async Task RangeAppliedAsync(ReevaluationRunInfo run, PartitionOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Written == 0)
        {
            return;
        }

        if (outcome.Changed > 0)
        {
            outbox.Notify();
        }

        await SweepAsync();
    }

    // Once more at the end: a look-up racing a range's commit may have cached the grade it read just before.
    public Task RunFinishedAsync(ReevaluationRunInfo run, CancellationToken cancellationToken) => SweepAsync();

    private async Task SweepAsync()
    {
        try
        {
            var database = redis.GetDatabase();
            foreach (var server in redis.GetServers().Where(s => s.IsConnected && !s.IsReplica))
            {
                var keys = new List<RedisKey>(Batch);
                await foreach (var key in server.KeysAsync(database.Database, Pattern, pageSize: Batch))
                {
                    keys.Add(key);
                    if (keys.Count == Batch)
                    {
                        await database.KeyDeleteAsync([.. keys]);
                        keys.Clear();
                    }
                }

                if (keys.Count > 0)
                {
                    await database.KeyDeleteAsync([.. keys]);
                }
            }
        }
        catch (RedisException ex)
        {
            // The grades are committed; a stale cache entry lives at most its 10 minutes.
            LogSweepFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropping grade look-up cache entries after a re-evaluation failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
