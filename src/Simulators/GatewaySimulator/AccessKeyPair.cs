namespace CreditPower.GatewaySimulator;

public sealed class AccessKeyPair
{
    public string Id { get; init; } = "";
    public string Secret { get; init; } = "";
}
