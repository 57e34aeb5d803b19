namespace CreditPower.GatewaySimulator.Control;

/// <summary>Where WeChat events go from now on (overrides WeChat:ServerUrl); null reverts to configuration.</summary>
public sealed record WeChatEventCallbackRequest(string? ServerUrl);
