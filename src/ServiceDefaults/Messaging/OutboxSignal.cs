using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.ServiceDefaults.Messaging;

/// <summary>
/// Wakes the outbox relay as soon as outbox rows are committed, and hands it the rows this process committed, so it
/// publishes them without claiming them from the table first (docs/adr/0002-outbox-and-inbox.md). A row handed over is
/// left out of the relay's claims until the relay has marked it sent or given it back; one not handed over (no relay
/// of its context running yet, too many waiting, written by SQL) is claimed as before.
/// </summary>
public sealed class OutboxSignal : CommitSignal
{
    /// <summary>Rows waiting for one context's relay past which the next are left to its claims instead.</summary>
    internal const int MaxHandedOver = 10_000;

    private readonly ConcurrentDictionary<Type, Channel<OutboxMessage>> _relays = new();
    private readonly ConcurrentDictionary<Guid, byte> _handedOver = new();

    /// <summary>The rows handed over and not yet marked sent or given back: no claim takes them.</summary>
    internal Guid[] HandedOver() => [.. _handedOver.Keys];

    /// <summary>Where the relay of <paramref name="context"/> takes the rows committed through it from now on.</summary>
    internal ChannelReader<OutboxMessage> Subscribe(Type context) =>
        _relays.GetOrAdd(context, _ => Channel.CreateUnbounded<OutboxMessage>()).Reader; // not SingleReader: that one cannot count

    /// <summary>The relay is done with these rows: sent and marked, or left to its claims.</summary>
    internal void GiveBack(IEnumerable<Guid> ids)
    {
        foreach (var id in ids)
        {
            _handedOver.TryRemove(id, out _);
        }
    }

    internal void Committed(Type context, IReadOnlyList<OutboxMessage> rows)
    {
        if (!_relays.TryGetValue(context, out var relay) || relay.Reader.Count + rows.Count > MaxHandedOver)
        {
            Notify();
            return;
        }

        foreach (var row in rows)
        {
            // A copy: the saved entity stays with its pooled context, which is reset for its next user.
            _handedOver[row.Id] = 0;
            relay.Writer.TryWrite(new OutboxMessage
            {
                Id = row.Id,
                MessageType = row.MessageType,
                Body = row.Body,
                TraceParent = row.TraceParent,
                CreatedAt = row.CreatedAt,
            });
        }
    }
}

internal sealed class OutboxSignalInterceptor(OutboxSignal signal) : CommitSignalInterceptor<OutboxSignal, OutboxMessage>(signal)
{
    protected override List<OutboxMessage> WorkOf(DbContext context) =>
        [.. context.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)];

    protected override void Committed(DbContext context, List<OutboxMessage> work) => Signal.Committed(context.GetType(), work);
}
