using System.Text.Json.Serialization;

namespace CreditPower.Notifications.Features.Receipts;

/// <summary>What Alibaba's push expects back: <c>{"code": 0, "msg": "接收成功"}</c>; anything else makes it push again.</summary>
public sealed record ReceiptAnswer([property: JsonPropertyName("code")] int Code, [property: JsonPropertyName("msg")] string Msg);
