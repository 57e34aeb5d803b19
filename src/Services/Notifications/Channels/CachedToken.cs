namespace CreditPower.Notifications.Channels;

/// <summary>A WeChat access token as kept in Redis: when to refresh it and when WeChat will stop taking it.</summary>
internal sealed record CachedToken(string Token, DateTimeOffset RefreshAt, DateTimeOffset ExpiresAt);
