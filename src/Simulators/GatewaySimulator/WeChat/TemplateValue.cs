using System.Text.Json.Serialization;

namespace CreditPower.GatewaySimulator.WeChat;

internal sealed record TemplateValue([property: JsonPropertyName("value")] string? Value);
