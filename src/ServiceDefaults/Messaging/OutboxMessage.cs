namespace CreditPower.ServiceDefaults.Messaging;

/// <summary>
/// An integration message written in the same transaction as the state change it announces;
/// the relay publishes it afterwards (docs/adr/0002-outbox.md).
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }
    public required string MessageType { get; init; }
    /// <summary>The message, or a claim check of it; a claim check published in part is narrowed to the rest.</summary>
    public required string Body { get; set; }
    public string? TraceParent { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
