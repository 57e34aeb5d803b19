namespace CreditPower.ServiceDefaults.Messaging;

/// <summary>A message a consumer has applied, committed with what the consumer changed.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }
}
