using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
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
/// The messages of one subject and type are published one after another in the order they were written; the others
/// concurrently, so a batch costs about one confirm round trip instead of one per row (publishing one row at a time
/// capped the relay near 200 rows a second on a loaded 2-core machine: bench/Pipeline). A claim-check row stands for
/// the messages its <see cref="IOutboxReferenceResolver"/> builds, and counts as that many in a batch.
/// Rows this process commits are handed over in memory (<see cref="OutboxSignal"/>) and published at once, without a
/// claim: a claim, its transaction and the wait for the pass before it were half of the time from a commit to its
/// publish (bench/Pipeline). Claims take the rest: other processes' rows, rows given back after a failure, rows a crash
/// left unsent.
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

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ClaimAndPublishAsync(stoppingToken), PublishHandedOverAsync(signal.Subscribe(typeof(TContext)), stoppingToken));

    private async Task ClaimAndPublishAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (done, failed, more) = await RelayBatchAsync(stoppingToken);
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
                else if (!more)
                {
                    // Claimed all there was: rows committed since have signalled, and a claim at once would mostly find
                    // nothing (half the claims at 500 facts a second were empty: pg_stat_statements, bench/Pipeline).
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

    // Publishes the rows handed over as they come, a batch at a time (whatever came while the last was published), marks
    // the batch sent while the next one is published, and gives back what it did not publish, for a claim to retry.
    private async Task PublishHandedOverAsync(ChannelReader<OutboxMessage> handedOver, CancellationToken stoppingToken)
    {
        var claimChecks = ReferenceTypes();
        var marking = Task.CompletedTask;
        try
        {
            while (await handedOver.WaitToReadAsync(stoppingToken))
            {
                List<OutboxMessage> batch = [];
                while (batch.Count < options.Value.RelayBatchSize && handedOver.TryRead(out var row))
                {
                    batch.Add(row);
                }

                List<Guid> sent = [];
                try
                {
                    var results = await Task.WhenAll(batch
                        .Where(row => !claimChecks.Contains(row.MessageType))
                        .Select(row => new Pending(row, row.Id, PartitionKey.FromBody(row.Body), null))
                        .GroupBy(Sequence)
                        .Select(sequence => PublishInOrderAsync(sequence, stoppingToken)));
                    sent = [.. results.SelectMany(r => r).Where(r => r.Outcome == Outcome.Published).Select(r => r.Message.Row.Id)];
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogRelayFailed(logger, ex, typeof(TContext).Name);
                }
                finally
                {
                    if (sent.Count < batch.Count)
                    {
                        var sentIds = sent.ToHashSet();
                        signal.GiveBack(batch.Select(row => row.Id).Where(id => !sentIds.Contains(id)));
                        signal.Notify();
                    }
                }

                await marking;
                marking = MarkHandedOverSentAsync(sent, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the rows not marked stay unsent and are claimed after the restart (their consumers' inboxes drop a
            // second copy).
        }
    }

    // In a scope of its own, while the next batch is published; the rows go back either way, marked or for a claim.
    private async Task MarkHandedOverSentAsync(List<Guid> sent, CancellationToken cancellationToken)
    {
        if (sent.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await MarkSentAsync(scope.ServiceProvider.GetRequiredService<TContext>(), sent, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Published but not marked: a claim publishes them again, and their consumers' inboxes drop the copy.
            LogRelayFailed(logger, ex, typeof(TContext).Name);
            signal.Notify();
        }
        finally
        {
            signal.GiveBack(sent);
        }
    }

    // One statement marks a batch sent (EF would send an UPDATE a row), for both paths. A row marked already is left as
    // it is: one a claim of another replica published too, after this process gave it back.
    private async Task MarkSentAsync(TContext db, List<Guid> sent, CancellationToken cancellationToken)
    {
        if (sent.Count > 0)
        {
            var now = clock.GetUtcNow();
            await db.Set<OutboxMessage>().Where(m => sent.Contains(m.Id) && m.SentAt == null)
                .ExecuteUpdateAsync(m => m.SetProperty(row => row.SentAt, now), cancellationToken);
        }
    }

    private HashSet<string> ReferenceTypes()
    {
        using var scope = scopes.CreateScope();
        return [.. scope.ServiceProvider.GetServices<IOutboxReferenceResolver>().Select(r => r.ReferenceType)];
    }

    private static TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(_maxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(failures, 10))));

    // Rows done in one transaction: sent, or held because a message of theirs cannot be built (the next pass goes on at
    // once, so such a row becomes a dead letter in MaxHolds quick passes instead of holding up the rows behind it).
    // More: the claim left rows behind (a full batch), so the next pass starts at once.
    private async Task<(int Done, bool Failed, bool More)> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var resolvers = scope.ServiceProvider.GetServices<IOutboxReferenceResolver>().ToDictionary(r => r.ReferenceType, StringComparer.Ordinal);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var (batch, counts, more) = await ClaimAsync(db, resolvers, ct);
            var resolved = await ResolveReferencesAsync(resolvers, db, batch, ct);
            var results = await Task.WhenAll(batch
                .SelectMany(row => MessagesOf(row, resolvers, resolved))
                .GroupBy(Sequence)
                .Select(sequence => PublishInOrderAsync(sequence, ct)));
            var outcomes = results.SelectMany(r => r).ToLookup(r => r.Message.Row.Id);

            List<Guid> sent = [];
            var held = 0;
            foreach (var row in batch)
            {
                switch (Settle(row, counts[row.Id], outcomes[row.Id], resolvers))
                {
                    case RowOutcome.Sent:
                        sent.Add(row.Id);
                        break;
                    case RowOutcome.Held:
                        held++;
                        break;
                }
            }

            // The rare held rows go through tracking.
            await MarkSentAsync(db, sent, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (sent.Count + held, results.Any(r => r.Any(m => m.Outcome == Outcome.BrokerFailed)), more || held > 0);
        }, cancellationToken);
    }

    // The oldest unsent rows whose messages fit the batch size (always the first): a claim-check row of a bulk run stands
    // for hundreds. One statement, as every pass of the busy per-event path needs; the rows claimed past the batch size
    // stay locked until this pass commits and head the next one. Meanwhile another replica skips them, as it skips any
    // claimed row: replicas never promised an order between them, and consumers ignore a grade older than the one they
    // hold (MessagingOptions.PartitionBySubject, ADR 0002).
    private async Task<(List<OutboxMessage> Rows, Dictionary<Guid, int> Counts, bool More)> ClaimAsync(
        TContext db, Dictionary<string, IOutboxReferenceResolver> resolvers, CancellationToken cancellationToken)
    {
        var claimed = await db.Set<OutboxMessage>()
            .FromSqlRaw("SELECT * FROM " + OutboxModelBuilderExtensions.OutboxTable
                + " WHERE sent_at IS NULL AND attempts < {1} AND id <> ALL({2}) ORDER BY created_at, id LIMIT {0} FOR UPDATE SKIP LOCKED",
                options.Value.RelayBatchSize, options.Value.MaxHolds, signal.HandedOver())
            .ToListAsync(cancellationToken);

        // Counted once here (a resolver reads the row's body for it) and settled against after publishing.
        var counts = new Dictionary<Guid, int>(claimed.Count);
        var messages = 0;
        for (var i = 0; i < claimed.Count; i++)
        {
            var count = MessageCount(claimed[i], resolvers);
            messages += count;
            if (i > 0 && messages > options.Value.RelayBatchSize)
            {
                return (claimed[..i], counts, true);
            }

            counts[claimed[i].Id] = count;
        }

        return (claimed, counts, claimed.Count == options.Value.RelayBatchSize);
    }

    // How many messages a row stands for: one, or what its resolver says (one if it cannot tell: the row is then held).
    private static int MessageCount(OutboxMessage row, Dictionary<string, IOutboxReferenceResolver> resolvers) =>
        resolvers.TryGetValue(row.MessageType, out var resolver) ? Math.Max(1, resolver.MessageCount(row)) : 1;

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

    // A claim-check row stands for the messages its resolver built (none: the row is held for all of them); any other row
    // holds its message, under the row's id, deserialized when published.
    private static IEnumerable<Pending> MessagesOf(
        OutboxMessage row, Dictionary<string, IOutboxReferenceResolver> resolvers, Dictionary<Guid, IReadOnlyList<OutboxEnvelope>> resolved) =>
        resolvers.ContainsKey(row.MessageType)
            ? resolved.GetValueOrDefault(row.Id, []).Select(e => new Pending(row, e.MessageId, e.SubjectId, e.Message))
            : [new Pending(row, row.Id, PartitionKey.FromBody(row.Body), null)];

    // Whether the row is sent: all its messages published. Otherwise a row that can be narrowed keeps only the messages
    // not published yet, so a failure halfway through a bulk run's chunk does not publish the rest again; and a row with
    // a message that cannot be built is held (an attempt), a broker failure is not.
    private RowOutcome Settle(OutboxMessage row, int expected, IEnumerable<Published> outcomes, Dictionary<string, IOutboxReferenceResolver> resolvers)
    {
        var tried = outcomes.ToList();
        var published = tried.Where(m => m.Outcome == Outcome.Published).Select(m => m.Message.MessageId).ToHashSet();
        if (published.Count == expected)
        {
            return RowOutcome.Sent;
        }

        if (published.Count > 0 && resolvers.TryGetValue(row.MessageType, out var resolver) && resolver.Remaining(row, published) is { } rest)
        {
            row.Body = rest;
        }

        var reason = tried.FirstOrDefault(m => m.Outcome == Outcome.Held)?.Reason
            ?? (tried.Count < expected ? $"{expected - tried.Count} of the {expected} messages of this claim check could not be built." : null);
        if (reason is null)
        {
            return RowOutcome.Waiting;
        }

        Hold(row, new InvalidOperationException(reason));
        return RowOutcome.Held;
    }

    // The messages published one after another in the order they were written: one subject's of one type. Each consumer
    // takes one message type on a queue of its own, so that is all the order any consumer can see; one subject's
    // messages of different types (CreditEventRecorded, then CreditGradeChanged) go out side by side, and a batch
    // costs one confirm round trip a message of one type, not one a message of its subject (bench/Pipeline).
    private static (Guid, string) Sequence(Pending message) => (message.SubjectId ?? message.MessageId, message.Row.MessageType);

    // A message not published stops the later ones of its sequence, so they are never published ahead of it. Only the
    // broker failing backs the whole relay off: a message that cannot be built is held, and the others go on.
    private async Task<List<Published>> PublishInOrderAsync(IEnumerable<Pending> messages, CancellationToken cancellationToken)
    {
        List<Published> outcomes = [];
        var stopped = false;
        foreach (var message in messages)
        {
            var outcome = stopped ? new Published(message, Outcome.NotTried, null) : await TryPublishAsync(message, cancellationToken);
            stopped |= outcome.Outcome != Outcome.Published;
            outcomes.Add(outcome);
        }

        return outcomes;
    }

    // The message is the one a reference resolver built for a claim-check row, or the row's body deserialized.
    private async Task<Published> TryPublishAsync(Pending pending, CancellationToken cancellationToken)
    {
        var row = pending.Row;
        var message = pending.Message;
        if (message is null)
        {
            var known = _types.GetOrAdd(row.MessageType, name => Type.GetType(name));
            if (known is null)
            {
                // A type this build does not know (written by a newer one?): kept for a later try.
                return new Published(pending, Outcome.Held, $"Outbox message type '{row.MessageType}' is not a known type and no reference resolver reads it.");
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
            return new Published(pending, Outcome.Published, null);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Unserializable(ex))
        {
            // The message itself cannot be sent, however long we wait: an attempt (MessagingOptions.MaxHolds).
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            return new Published(pending, Outcome.Held, ex.Message);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Not counted as an attempt: the row waits for the broker however long it takes.
            row.LastError = Truncated(ex.Message);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            return new Published(pending, Outcome.BrokerFailed, ex.Message);
        }
    }

    private static bool Unserializable(Exception ex) =>
        ex is System.Runtime.Serialization.SerializationException or JsonException or NotSupportedException
        || (ex.InnerException is { } inner && Unserializable(inner));

    /// <summary>A message to publish: from its row, under its id, partitioned by its subject; null until deserialized.</summary>
    private sealed record Pending(OutboxMessage Row, Guid MessageId, Guid? SubjectId, object? Message);

    /// <summary>What became of a message in this pass, with the reason when it was not published.</summary>
    private sealed record Published(Pending Message, Outcome Outcome, string? Reason);

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

        /// <summary>It could not be built or serialized (an unknown type, a claim check not resolved): kept for a later try.</summary>
        Held,

        BrokerFailed,

        /// <summary>Not tried: an earlier message of its subject was not published.</summary>
        NotTried,
    }

    private enum RowOutcome
    {
        Sent,

        /// <summary>A message of it cannot be built: an attempt counted.</summary>
        Held,

        /// <summary>Waiting for the broker, or behind a message of its subject that is.</summary>
        Waiting,
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay for {Context} failed; retrying")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception, string context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay for {Context} cannot reach the broker ({Failures} passes in a row); backing off")]
    private static partial void LogBrokerFailed(ILogger logger, string context, int failures);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Outbox message {MessageId} ({MessageType}) cannot be built, attempt {Attempts} of {MaxHolds}; after the last it stays unsent as a dead letter")]
    private static partial void LogHeld(ILogger logger, Exception exception, Guid messageId, string messageType, int attempts, int maxHolds);
}
