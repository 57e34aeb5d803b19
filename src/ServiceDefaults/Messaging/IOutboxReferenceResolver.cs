using Microsoft.EntityFrameworkCore;

namespace CreditPower.ServiceDefaults.Messaging;

/// <summary>
/// Builds the messages of outbox rows that hold a reference to the state they announce rather than the message itself
/// (a claim check, docs/adr/0006): a bulk writer then stores a few bytes a message instead of the whole message. A row
/// may stand for several messages (a bulk run's chunk of grade changes), each with its own id and subject. The relay
/// hands it every such row of a batch at once, inside the relay's transaction.
/// </summary>
public interface IOutboxReferenceResolver
{
    /// <summary>The <see cref="OutboxMessage.MessageType"/> of the rows this resolver turns into messages.</summary>
    string ReferenceType { get; }

    /// <summary>How many messages <paramref name="row"/> stands for, so the relay keeps a batch to its size in messages.</summary>
    int MessageCount(OutboxMessage row) => 1;

    /// <summary>
    /// The body of <paramref name="row"/> standing only for its messages not in <paramref name="published"/>, so a row
    /// published in part is not published whole again; null when the row cannot be narrowed.
    /// </summary>
    string? Remaining(OutboxMessage row, IReadOnlySet<Guid> published) => null;

    /// <summary>
    /// The messages of each row, by row id, in the order they are to be published. A row left out, or a message of it,
    /// is not published: the row stays unsent, standing for what was not published (<see cref="Remaining"/>), and is
    /// retried (after <see cref="MessagingOptions.MaxHolds"/> tries it is left as a dead letter).
    /// </summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<OutboxEnvelope>>> ResolveAsync(
        DbContext db, IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken);
}

/// <summary>
/// One message a claim-check row stands for. <paramref name="MessageId"/> must be the same however often the row is
/// resolved, so consumers' inboxes drop a message the relay publishes again after a failure.
/// </summary>
public sealed record OutboxEnvelope(Guid MessageId, Guid? SubjectId, object Message);
