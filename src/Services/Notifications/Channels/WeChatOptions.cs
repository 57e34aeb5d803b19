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
}
