namespace CreditPower.GatewaySimulator.Control;

public sealed record LatencyRequest(int Milliseconds);
