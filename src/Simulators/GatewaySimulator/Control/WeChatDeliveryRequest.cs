namespace CreditPower.GatewaySimulator.Control;

/// <summary>
/// The Status the TEMPLATESENDJOBFINISH event reports for template messages to <paramref name="OpenId"/> from now on:
/// <c>success</c>, <c>failed:user block</c>, <c>failed: system failed</c>, or <c>none</c> for no event at all.
/// </summary>
public sealed record WeChatDeliveryRequest(string OpenId, string Status);
