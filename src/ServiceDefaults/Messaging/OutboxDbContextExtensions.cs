using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.ServiceDefaults.Messaging;

public static class OutboxDbContextExtensions
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Queues <paramref name="message"/> for publishing; it is stored by the caller's next
    /// <c>SaveChangesAsync</c>, together with the state change, or not at all.
    /// </summary>
    public static void AddToOutbox<T>(this DbContext db, T message, TimeProvider clock) where T : class
    {
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = NewId.NextGuid(),
            MessageType = MessageTypeName(typeof(T)),
            Body = JsonSerializer.Serialize(message, Json),
            TraceParent = Activity.Current?.Id,
            CreatedAt = clock.GetUtcNow(),
        });
    }

    /// <summary>
    /// Records that <typeparamref name="TConsumer"/> applies the message of <paramref name="context"/>;
    /// returns false when it already has (a redelivery), in which case the consumer does nothing.
    /// The row commits with the consumer's own changes, so a message is applied exactly once.
    /// </summary>
    public static async Task<bool> TryStartConsumingAsync<TConsumer>(this DbContext db, ConsumeContext context, TimeProvider clock)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A consumed message has no MessageId.");
        var consumer = typeof(TConsumer).Name;
        if (await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, context.CancellationToken))
        {
            return false;
        }

        db.Set<InboxMessage>().Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = clock.GetUtcNow() });
        return true;
    }

    /// <summary>
    /// Records that <typeparamref name="TConsumer"/> applies the messages <paramref name="messageIds"/> of a batch, with one
    /// query for all of them; returns those it has not applied yet (a redelivered message is left out, and an id the batch
    /// holds twice counts once), and which of the keys <paramref name="alsoRead"/> selects exist — the consumer's own
    /// idempotence check (a dedupe key), read in the same round trip. The rows commit with the consumer's own changes, as
    /// the single-message form's do.
    /// </summary>
    public static async Task<(IReadOnlySet<Guid> Fresh, IReadOnlySet<string> Found)> TryStartConsumingAsync<TConsumer>(
        this DbContext db, IEnumerable<Guid> messageIds, IQueryable<string> alsoRead, TimeProvider clock, CancellationToken cancellationToken)
    {
        var consumer = typeof(TConsumer).Name;
        var fresh = messageIds.ToHashSet();
        var ids = fresh.ToList();
        var read = await db.Set<InboxMessage>()
            .Where(m => m.Consumer == consumer && ids.Contains(m.MessageId))
            .Select(m => new { Applied = true, Key = m.MessageId.ToString() })
            .Concat(alsoRead.Select(key => new { Applied = false, Key = key }))
            .ToListAsync(cancellationToken);
        fresh.ExceptWith(read.Where(r => r.Applied).Select(r => Guid.Parse(r.Key)));

        var now = clock.GetUtcNow();
        db.Set<InboxMessage>().AddRange(fresh.Select(id => new InboxMessage { MessageId = id, Consumer = consumer, ProcessedAt = now }));
        return (fresh, read.Where(r => !r.Applied).Select(r => r.Key).ToHashSet(StringComparer.Ordinal));
    }

    // Type name without version: the bus routes by type name and contracts never move (ARCHITECTURE.md).
    internal static string MessageTypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
