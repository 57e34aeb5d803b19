namespace CreditPower.GatewaySimulator.Control;

/// <summary>Added latency for every request of <paramref name="Channel"/> ("sms" or "wechat"), or of both when it is null.</summary>
public sealed record LatencyRequest(int Milliseconds, string? Channel = null);
