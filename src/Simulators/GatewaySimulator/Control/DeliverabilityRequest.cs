namespace CreditPower.GatewaySimulator.Control;

/// <summary>Whether the carrier reports SMS to <paramref name="PhoneNumber"/> as delivered (true) or failed.</summary>
public sealed record DeliverabilityRequest(string PhoneNumber, bool Deliverable);
