using CreditPower.Contracts;
using CreditPower.Notifications.Domain;

namespace CreditPower.Notifications.Features.Dispatch;

/// <summary>
/// NotificationDelivered and NotificationFailed for a contact-log entry whose outcome is settled, built the same way
/// whoever settles it: the dispatcher (a refusal, retries run out) or a provider's receipt.
/// </summary>
internal static class DeliveryMessages
{
    public static NotificationDelivered Delivered(ContactLogEntry entry, DateTimeOffset deliveredAt) => new()
    {
        NotificationId = entry.Id,
        SubjectId = entry.SubjectId,
        Channel = ChannelName(entry.Channel),
        Trigger = entry.Trigger,
        TemplateCode = entry.TemplateCode,
        ProviderMessageId = entry.ProviderMessageId ?? "",
        DeliveredAt = deliveredAt,
    };

    /// <summary>The entry's failure; <see cref="NotificationFailed.GivenUp"/> follows its status (GivenUp or Failed).</summary>
    public static NotificationFailed Failed(ContactLogEntry entry, string reason, DateTimeOffset failedAt) => new()
    {
        NotificationId = entry.Id,
        SubjectId = entry.SubjectId,
        Channel = ChannelName(entry.Channel),
        Trigger = entry.Trigger,
        TemplateCode = entry.TemplateCode,
        Reason = reason,
        GivenUp = entry.Status == ContactStatus.GivenUp,
        Attempts = entry.Attempts,
        FailedAt = failedAt,
    };

    private static string ChannelName(Channel channel) => channel == Channel.Sms ? "sms" : "weChat";
}
