using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CreditPower.Grading.Features.BillingFeed;

/// <summary>
/// The upstream billing system's own credential (ARCHITECTURE.md: feeds do not use staff tokens): a shared key in
/// the <c>X-Api-Key</c> header, compared in constant time with <c>BillingFeed:ApiKey</c>.
/// </summary>
internal sealed class BillingFeedAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "billing-feed";
    public const string Policy = "billing-feed";
    public const string HeaderName = "X-Api-Key";
    public const string KeySetting = "BillingFeed:ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var presented) || presented.Count != 1 || string.IsNullOrEmpty(presented[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        // Read per request, not cached: a rotated key applies without a restart.
        var expected = configuration[KeySetting];
        if (string.IsNullOrEmpty(expected))
        {
            return Task.FromResult(AuthenticateResult.Fail($"{KeySetting} is not configured."));
        }

        if (!KeysMatch(presented[0]!, expected))
        {
            return Task.FromResult(AuthenticateResult.Fail("The billing feed key does not match."));
        }

        var identity = new ClaimsIdentity([new Claim("sub", "billing-feed")], SchemeName, "sub", "role");
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <summary>Hashing first makes the comparison constant-time in the length too, so a probe learns nothing from timing.</summary>
    internal static bool KeysMatch(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}

internal static class BillingFeedAuthenticationExtensions
{
    /// <summary>Adds the billing feed's key scheme and the policy its endpoint requires; staff tokens do not satisfy it.</summary>
    public static IHostApplicationBuilder AddBillingFeedAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, BillingFeedAuthenticationHandler>(BillingFeedAuthenticationHandler.SchemeName, _ => { });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(BillingFeedAuthenticationHandler.Policy, policy => policy
                .AddAuthenticationSchemes(BillingFeedAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());
        return builder;
    }
}
