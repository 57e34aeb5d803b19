namespace CreditPower.GatewaySimulator.Control;

public sealed record SubscriptionRequest(string OpenId, bool Subscribed);
