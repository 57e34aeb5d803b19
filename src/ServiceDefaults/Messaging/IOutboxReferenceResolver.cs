using Microsoft.EntityFrameworkCore;

namespace CreditPower.ServiceDefaults.Messaging;

/// <summary>
/// Builds the messages of outbox rows that hold a reference to the state they announce rather than the message itself
/// (a claim check, docs/adr/0006): a bulk writer then stores tens of bytes a row instead of the whole message. The
/// relay hands it every such row of a batch at once, inside the relay's transaction. The row's body must still carry
/// the <c>subjectId</c> the relay partitions by.
/// </summary>
public interface IOutboxReferenceResolver
{
    /// <summary>The <see cref="OutboxMessage.MessageType"/> of the rows this resolver turns into messages.</summary>
    string ReferenceType { get; }

    /// <summary>The message of each row, by row id. A row left out is not published: it stays unsent and is retried.</summary>
    Task<IReadOnlyDictionary<Guid, object>> ResolveAsync(DbContext db, IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken);
}
