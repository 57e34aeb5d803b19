using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CreditPower.ServiceDefaults.Security;

public static class AuthenticationExtensions
{
    /// <summary>
    /// Service APIs accept only the portal's signed tokens; every endpoint needs an authenticated
    /// caller unless it opts out (health probes, public pages).
    /// </summary>
    public static IHostApplicationBuilder AddServiceAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServiceTokenOptions>()
            .Bind(builder.Configuration.GetSection(ServiceTokenOptions.SectionName))
            .Validate(o => o.SigningKey.Length >= ServiceTokenOptions.MinimumKeyLength, "ServiceTokens:SigningKey is missing or too short.")
            .ValidateOnStart();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<ServiceTokenOptions>>((jwt, tokens) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = ServiceTokenOptions.Issuer,
                    ValidAudience = ServiceTokenOptions.Audience,
                    IssuerSigningKey = tokens.Value.CreateKey(),
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ServiceTokenIssuer>();
        return builder;
    }
}
