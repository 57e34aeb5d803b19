namespace CreditPower.Notifications.Channels;

/// <summary>The stable_token endpoint gave no token (wrong AppID or secret, or WeChat failing).</summary>
public sealed class WeChatTokenException(string message) : Exception(message);
