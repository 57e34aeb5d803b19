using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CreditPower.ServiceDefaults.Messaging;

/// <summary>
/// Publishes committed outbox rows with publisher confirms and marks them sent. Rows are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, so replicas share the work; a row whose publish fails stays unsent and
/// is retried with back-off (broker outage, process kill). A row published but not yet marked when the
/// process dies is published again with the same MessageId, which consumers' inboxes drop.
/// </summary>
internal sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService where TContext : DbContext
{
    private const int BatchSize = 200;
    private static readonly TimeSpan _idlePoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan _publishTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan _maxBackoff = TimeSpan.FromSeconds(15);
    private static readonly ActivitySource _activitySource = new(Extensions.ActivitySourceName);
    private static readonly ConcurrentDictionary<string, Type> _types = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (published, failed) = await RelayBatchAsync(stoppingToken);
                failures = failed ? failures + 1 : 0;
                if (failed)
                {
                    await Task.Delay(Backoff(failures), clock, stoppingToken);
                }
                else if (published == 0)
                {
                    await signal.WaitAsync(_idlePoll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                LogRelayFailed(logger, ex, typeof(TContext).Name);
                await Task.Delay(Backoff(failures), clock, stoppingToken);
            }
        }
    }

    private static TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(_maxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(failures, 10))));

    private async Task<(int Published, bool Failed)> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var batch = await db.Set<OutboxMessage>()
                .FromSqlRaw($"SELECT * FROM {OutboxModelBuilderExtensions.OutboxTable} WHERE sent_at IS NULL ORDER BY created_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
                .ToListAsync(ct);

            var published = 0;
            var failed = false;
            foreach (var row in batch)
            {
                if (!await TryPublishAsync(row, ct))
                {
                    failed = true;
                    break;
                }

                row.SentAt = clock.GetUtcNow();
                published++;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (published, failed);
        }, cancellationToken);
    }

    private async Task<bool> TryPublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        var type = _types.GetOrAdd(row.MessageType, name =>
            Type.GetType(name) ?? throw new InvalidOperationException($"Outbox message type '{name}' is unknown."));
        var message = JsonSerializer.Deserialize(row.Body, type, OutboxDbContextExtensions.Json)!;

        // Continue the trace of the request that wrote the row, so one trace spans every hop.
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = _activitySource.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_publishTimeout);
        try
        {
            await bus.Publish(message, type, context => context.MessageId = row.Id, timeout.Token);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            row.Attempts++;
            row.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            LogPublishFailed(logger, ex, row.Id, type.Name, row.Attempts);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay for {Context} failed; retrying")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception, string context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} ({MessageType}) failed, attempt {Attempts}")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, Guid messageId, string messageType, int attempts);
}
