using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace CreditPower.ServiceDefaults.Security;

/// <summary>
/// The signed token the portal passes to service APIs on behalf of a signed-in user
/// (docs/adr/0003-service-auth.md). The key comes from configuration (an Aspire parameter).
/// </summary>
public sealed class ServiceTokenOptions
{
    public const string SectionName = "ServiceTokens";
    public const string Issuer = "creditpower-portal";
    public const string Audience = "creditpower-services";
    public const int MinimumKeyLength = 32;

    public string SigningKey { get; set; } = "";

    public SymmetricSecurityKey CreateKey()
    {
        if (Encoding.UTF8.GetByteCount(SigningKey) < MinimumKeyLength)
        {
            throw new InvalidOperationException(
                $"{SectionName}:SigningKey must be set to at least {MinimumKeyLength} bytes (the AppHost passes the '{ResourceNames.JwtSigningKey}' parameter).");
        }

        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey));
    }
}
