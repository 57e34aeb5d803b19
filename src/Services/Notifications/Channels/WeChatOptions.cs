namespace CreditPower.Notifications.Channels;

/// <summary>The WeChat Official Account (configuration <c>WeChat:*</c>); the real one is https://api.weixin.qq.com.</summary>
public sealed class WeChatOptions
{
    public const string SectionName = "WeChat";

    public Uri? BaseUrl { get; set; }
    public string AppId { get; set; } = "";
    public string AppSecret { get; set; } = "";

    /// <summary>Our template codes to the account's template_id values; unmapped codes go as they are.</summary>
    public Dictionary<string, string> Templates { get; init; } = [];

    /// <summary>Where a tap on the message leads (the customer-facing credit page); none when empty.</summary>
    public string? MessageUrl { get; set; }

    /// <summary>A token is refreshed once this fraction of its lifetime has passed, before WeChat expires it.</summary>
    public double RefreshAtFraction { get; set; } = 0.8;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The Token of the account's server configuration (服务器配置): WeChat signs what it pushes to our callback with it;
    /// events without a valid signature are refused.
    /// </summary>
    public string ServerToken { get; set; } = "";

    /// <summary>
    /// How far a pushed event's timestamp may be from our clock. WeChat's signature covers the timestamp but not the
    /// body, so a signed URL that leaked could carry any event; the window bounds how long it can.
    /// </summary>
    public TimeSpan EventTimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);
}
