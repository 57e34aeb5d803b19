namespace CreditPower.GatewaySimulator.Control;

/// <summary>Fail the next <paramref name="Count"/> requests of <paramref name="Channel"/> ("sms" or "wechat"), to <paramref name="To"/> only when given, with <paramref name="Code"/>: an Alibaba code (isv.BUSINESS_LIMIT_CONTROL), a WeChat errcode (45009), or an HTTP status (500, 503).</summary>
public sealed record FaultRequest(string Channel, string Code, int Count = 1, string? To = null);
