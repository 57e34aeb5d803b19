namespace CreditPower.GatewaySimulator.Control;

/// <summary>Makes every WeChat token issued so far answer <paramref name="Errcode"/>: 42001 (expired) or 40001 (invalid).</summary>
public sealed record TokenInvalidationRequest(int Errcode);
