using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreditPower.ServiceDefaults.Messaging;

/// <summary>
/// Publishes committed outbox rows with publisher confirms and marks them sent. Rows are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, so replicas share the work; a row whose publish fails stays unsent and
/// is retried with back-off (broker outage, process kill). A row published but not yet marked when the
/// process dies is published again with the same MessageId, which consumers' inboxes drop.
/// The rows of one subject are published one after another in the order they were written; different subjects
/// concurrently, so a batch costs about one confirm round trip instead of one per row (publishing one row at a time
/// capped the relay near 200 rows a second on a loaded 2-core machine: bench/Pipeline).
/// </summary>
internal sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService where TContext : DbContext
{
    private static readonly TimeSpan _idlePoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan _publishTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan _maxBackoff = TimeSpan.FromSeconds(15);
    private static readonly ActivitySource _activitySource = new(Extensions.ActivitySourceName);
    private static readonly ConcurrentDictionary<string, Type?> _types = new();

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
                    // Failures 1, 2, 4, 8…: an outage of minutes logs a handful of lines, not one a row a batch.
                    if ((failures & (failures - 1)) == 0)
                    {
                        LogBrokerFailed(logger, typeof(TContext).Name, failures);
                    }

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
        var resolvers = scope.ServiceProvider.GetServices<IOutboxReferenceResolver>().ToDictionary(r => r.ReferenceType, StringComparer.Ordinal);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Set<OutboxMessage>()
                .FromSqlRaw("SELECT * FROM " + OutboxModelBuilderExtensions.OutboxTable + " WHERE sent_at IS NULL AND attempts < {1} ORDER BY created_at LIMIT {0} FOR UPDATE SKIP LOCKED",
                    options.Value.RelayBatchSize, options.Value.MaxHolds)
                .ToListAsync(ct);

            var batch = WithinBatchSize(claimed, resolvers);
            var resolved = await ResolveReferencesAsync(resolvers, db, batch, ct);
            var messages = batch.SelectMany(row => MessagesOf(row, resolved)).ToList();
            var results = await Task.WhenAll(messages
                .GroupBy(m => m.SubjectId ?? m.MessageId)
                .Select(subject => PublishInOrderAsync(subject, ct)));

            // A row is sent when all its messages are; one that is not is published again whole, under the same ids.
            var failed = results.SelectMany(r => r.NotPublished).Select(m => m.Row.Id).ToHashSet();
            List<Guid> sent = [.. batch.Select(row => row.Id).Where(id => !failed.Contains(id))];

            // One statement marks the batch sent (EF would send an UPDATE a row); the rare failures go through tracking.
            if (sent.Count > 0)
            {
                var now = clock.GetUtcNow();
                await db.Set<OutboxMessage>().Where(m => sent.Contains(m.Id)).ExecuteUpdateAsync(m => m.SetProperty(row => row.SentAt, now), ct);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (sent.Count, results.Any(r => r.BrokerFailed));
        }, cancellationToken);
    }

    // The claimed rows, in order, as long as their messages fit the batch size (always the first): a claim-check row of
    // a bulk run stands for hundreds. The rows left out are unlocked at commit and head the next batch.
    private List<OutboxMessage> WithinBatchSize(List<OutboxMessage> claimed, Dictionary<string, IOutboxReferenceResolver> resolvers)
    {
        var batch = new List<OutboxMessage>(claimed.Count);
        var messages = 0;
        foreach (var row in claimed)
        {
            messages += resolvers.TryGetValue(row.MessageType, out var resolver) ? resolver.MessageCount(row) : 1;
            if (batch.Count > 0 && messages > options.Value.RelayBatchSize)
            {
                break;
            }

            batch.Add(row);
        }

        return batch;
    }

    // The messages of the batch's claim-check rows, by row id, from each reference type's resolver.
    private static async Task<Dictionary<Guid, IReadOnlyList<OutboxEnvelope>>> ResolveReferencesAsync(
        Dictionary<string, IOutboxReferenceResolver> resolvers, TContext db, List<OutboxMessage> batch, CancellationToken cancellationToken)
    {
        var messages = new Dictionary<Guid, IReadOnlyList<OutboxEnvelope>>();
        foreach (var rows in batch.GroupBy(row => row.MessageType))
        {
            if (resolvers.TryGetValue(rows.Key, out var resolver))
            {
                foreach (var (id, envelopes) in await resolver.ResolveAsync(db, [.. rows], cancellationToken))
                {
                    messages[id] = envelopes;
                }
            }
        }

        return messages;
    }

    // A row holds its message (the id is the row's), or stands for the messages its resolver built; a claim-check row
    // nobody resolved is one message without a body, which the publish holds.
    private static IEnumerable<Pending> MessagesOf(OutboxMessage row, Dictionary<Guid, IReadOnlyList<OutboxEnvelope>> resolved) =>
        resolved.TryGetValue(row.Id, out var envelopes)
            ? envelopes.Select(e => new Pending(row, e.MessageId, e.SubjectId, e.Message))
            : [new Pending(row, row.Id, PartitionKey.FromBody(row.Body), null)];

    // A message not published stops its subject's later ones, so they are never published ahead of it. Only the broker
    // failing backs the whole relay off: a row whose message cannot be built is held, and the others go on.
    private async Task<(IEnumerable<Pending> NotPublished, bool BrokerFailed)> PublishInOrderAsync(IEnumerable<Pending> messages, CancellationToken cancellationToken)
    {
        var inOrder = messages.ToList();
        for (var i = 0; i < inOrder.Count; i++)
        {
            var outcome = await TryPublishAsync(inOrder[i], cancellationToken);
            if (outcome != Outcome.Published)
            {
                return (inOrder.Skip(i), outcome == Outcome.BrokerFailed);
            }
        }

        return ([], false);
    }

    // The message is the one a reference resolver built for a claim-check row, or the row's body deserialized.
    private async Task<Outcome> TryPublishAsync(Pending pending, CancellationToken cancellationToken)
    {
        var row = pending.Row;
        var message = pending.Message;
        if (message is null)
        {
            var known = _types.GetOrAdd(row.MessageType, name => Type.GetType(name));
            if (known is null)
            {
                // A claim-check row its resolver did not find, or a type this build does not know: kept for a later try.
                Hold(row, new InvalidOperationException($"Outbox message type '{row.MessageType}' is not a known type and no reference resolver built it."));
                return Outcome.Held;
            }

            message = JsonSerializer.Deserialize(row.Body, known, OutboxDbContextExtensions.Json)!;
        }

        var type = message.GetType();

        // Continue the trace of the request that wrote the row, so one trace spans every hop.
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = _activitySource.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_publishTimeout);
        try
        {
            await bus.Publish(message, type, context =>
            {
                context.MessageId = pending.MessageId;
                if (pending.SubjectId is { } id)
                {
                    context.Headers.Set(PartitionKey.Header, id.ToString());
                }
            }, timeout.Token);
            return Outcome.Published;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Not counted as an attempt (MessagingOptions.MaxHolds): the row waits for the broker however long it takes.
            row.LastError = Truncated(ex.Message);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            return Outcome.BrokerFailed;
        }
    }

    /// <summary>A message to publish: from its row, under its id, partitioned by its subject; null until deserialized.</summary>
    private sealed record Pending(OutboxMessage Row, Guid MessageId, Guid? SubjectId, object? Message);

    private void Hold(OutboxMessage row, Exception reason)
    {
        row.Attempts++;
        row.LastError = Truncated(reason.Message);

        // Attempts 1, 2, 4, 8… and the last: a held row would otherwise log on every batch.
        if ((row.Attempts & (row.Attempts - 1)) == 0 || row.Attempts == options.Value.MaxHolds)
        {
            LogHeld(logger, reason, row.Id, row.MessageType, row.Attempts, options.Value.MaxHolds);
        }
    }

    private static string Truncated(string message) => message.Length > 2000 ? message[..2000] : message;

    private enum Outcome
    {
        Published,

        /// <summary>Its message could not be built (an unknown type, a claim check not resolved): kept for a later try.</summary>
        Held,

        BrokerFailed,
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay for {Context} failed; retrying")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception, string context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay for {Context} cannot reach the broker ({Failures} passes in a row); backing off")]
    private static partial void LogBrokerFailed(ILogger logger, string context, int failures);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Outbox message {MessageId} ({MessageType}) cannot be built, attempt {Attempts} of {MaxHolds}; after the last it stays unsent as a dead letter")]
    private static partial void LogHeld(ILogger logger, Exception exception, Guid messageId, string messageType, int attempts, int maxHolds);
}
