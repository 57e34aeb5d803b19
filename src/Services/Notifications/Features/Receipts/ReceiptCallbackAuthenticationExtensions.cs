using Microsoft.AspNetCore.Authentication;

namespace CreditPower.Notifications.Features.Receipts;

internal static class ReceiptCallbackAuthenticationExtensions
{
    /// <summary>Adds the receipt callback's token scheme and the policy its endpoint requires.</summary>
    public static IHostApplicationBuilder AddReceiptCallbackAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ReceiptCallbackAuthenticationHandler>(ReceiptCallbackAuthenticationHandler.SchemeName, _ => { });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ReceiptCallbackAuthenticationHandler.Policy, policy => policy
                .AddAuthenticationSchemes(ReceiptCallbackAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());
        return builder;
    }
}
