namespace CreditPower.GatewaySimulator.Received;

/// <summary>
/// One message the simulator accepted, as a test or a person inspecting the simulator wants to see it.
/// <paramref name="Template"/> is the SMS template code or the WeChat template_id; <paramref name="Parameters"/> the
/// template's values; <paramref name="Reference"/> the caller's own id (SMS OutId), <paramref name="ProviderId"/> ours
/// (BizId or msgid).
/// </summary>
public sealed record ReceivedMessage(
    long Sequence,
    string Channel,
    string To,
    string? Sign,
    string Template,
    IReadOnlyDictionary<string, string> Parameters,
    string? Reference,
    string ProviderId,
    string? Url,
    DateTimeOffset ReceivedAt);
