namespace CreditPower.GatewaySimulator.Control;

/// <summary>Requests per second per channel before the provider answers "throttled"; null lifts the throttle.</summary>
public sealed record ThrottleRequest(int? PerSecond);
