namespace CreditPower.Contracts;

/// <summary>
/// Published by Notifications when a provider reports that a message reached the customer (an SMS delivery receipt, a
/// WeChat TEMPLATESENDJOBFINISH event with Status success).
/// </summary>
public sealed record NotificationDelivered
{
    /// <summary>The contact-log entry's id (also the SMS OutId).</summary>
    public required Guid NotificationId { get; init; }

    public required Guid SubjectId { get; init; }

    /// <summary><c>sms</c> or <c>weChat</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>What caused the notice, e.g. <c>grade:{subject}:Yellow:{ticks}</c>.</summary>
    public required string Trigger { get; init; }

    public required string TemplateCode { get; init; }

    /// <summary>The provider's id for the message (Alibaba BizId, WeChat msgid).</summary>
    public required string ProviderMessageId { get; init; }

    public required DateTimeOffset DeliveredAt { get; init; }
}
