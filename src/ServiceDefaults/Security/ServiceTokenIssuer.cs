using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CreditPower.ServiceDefaults.Security;

/// <summary>Mints short-lived tokens carrying a staff member's identity and roles.</summary>
public sealed class ServiceTokenIssuer(IOptions<ServiceTokenOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan _lifetime = TimeSpan.FromMinutes(10);
    private readonly SigningCredentials _credentials = new(options.Value.CreateKey(), SecurityAlgorithms.HmacSha256);

    public string Issue(string userName, string displayName, IEnumerable<string> roles)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, userName), new("name", displayName) };
        claims.AddRange(roles.Select(role => new Claim("role", role)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ServiceTokenOptions.Issuer,
            Audience = ServiceTokenOptions.Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.AddSeconds(-5),
            Expires = now.Add(_lifetime),
            IssuedAt = now,
            SigningCredentials = _credentials,
        });
    }
}
