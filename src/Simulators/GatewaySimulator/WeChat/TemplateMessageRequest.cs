using System.Text.Json.Serialization;

namespace CreditPower.GatewaySimulator.WeChat;

internal sealed record TemplateMessageRequest(
    [property: JsonPropertyName("touser")] string? ToUser,
    [property: JsonPropertyName("template_id")] string? TemplateId,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("data")] Dictionary<string, TemplateValue>? Data);
