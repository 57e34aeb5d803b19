namespace CreditPower.Notifications.Domain;

/// <summary>A subject's choice of channels; a subject without a row receives SMS and WeChat.</summary>
public sealed class ChannelPreference
{
    public Guid SubjectId { get; init; }
    public bool SmsEnabled { get; set; } = true;
    public bool WeChatEnabled { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
