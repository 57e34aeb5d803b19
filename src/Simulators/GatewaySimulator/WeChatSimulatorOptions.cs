namespace CreditPower.GatewaySimulator;

/// <summary>
/// The simulated WeChat Official Account: its AppID and AppSecret, how long an access token lives, and its server
/// configuration (服务器配置): the URL events are pushed to and the Token they are signed with.
/// </summary>
public sealed class WeChatSimulatorOptions
{
    public const string SectionName = "WeChat";

    public string AppId { get; init; } = "";
    public string AppSecret { get; init; } = "";
    public int TokenLifetimeSeconds { get; init; } = 7200;

    /// <summary>The account's original ID (原始ID), the ToUserName of every event.</summary>
    public string OriginalId { get; init; } = "gh_0c7d5e3a91f2";

    /// <summary>Where TEMPLATESENDJOBFINISH events go; none are pushed when unset.</summary>
    public string? ServerUrl { get; init; }

    /// <summary>The Token events are signed with: signature = sha1 of Token, timestamp and nonce, sorted and joined.</summary>
    public string ServerToken { get; init; } = "";

    /// <summary>How long after an accepted template message WeChat reports how its delivery ended.</summary>
    public TimeSpan EventDelay { get; init; } = TimeSpan.FromMilliseconds(100);
}
