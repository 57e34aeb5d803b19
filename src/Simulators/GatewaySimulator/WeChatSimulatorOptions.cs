namespace CreditPower.GatewaySimulator;

/// <summary>The simulated WeChat Official Account: its AppID and AppSecret, and how long an access token lives.</summary>
public sealed class WeChatSimulatorOptions
{
    public const string SectionName = "WeChat";

    public string AppId { get; init; } = "";
    public string AppSecret { get; init; } = "";
    public int TokenLifetimeSeconds { get; init; } = 7200;
}
