namespace CreditPower.GatewaySimulator.Control;

/// <summary>Where SMS delivery receipts go from now on (overrides Sms:ReceiptCallbackUrl); null reverts to configuration.</summary>
public sealed record ReceiptCallbackRequest(string? CallbackUrl);
