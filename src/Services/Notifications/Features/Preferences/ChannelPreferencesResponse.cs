namespace CreditPower.Notifications.Features.Preferences;

/// <summary>A subject's channels; <paramref name="UpdatedAt"/> is null while the defaults (both on) apply.</summary>
public sealed record ChannelPreferencesResponse(Guid SubjectId, bool SmsEnabled, bool WeChatEnabled, DateTimeOffset? UpdatedAt, string? UpdatedBy);
