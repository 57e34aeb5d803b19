using System.Text.Json.Serialization;

namespace CreditPower.GatewaySimulator.WeChat;

internal sealed record StableTokenRequest(
    [property: JsonPropertyName("grant_type")] string? GrantType,
    [property: JsonPropertyName("appid")] string? AppId,
    [property: JsonPropertyName("secret")] string? Secret,
    [property: JsonPropertyName("force_refresh")] bool? ForceRefresh);
