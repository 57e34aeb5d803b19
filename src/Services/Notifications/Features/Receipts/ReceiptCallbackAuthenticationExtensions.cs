using Microsoft.AspNetCore.Authentication;

namespace CreditPower.Notifications.Features.Receipts;

internal static class ReceiptCallbackAuthenticationExtensions
{
    /// <summary>Adds the providers' callback schemes (the SMS receipt token, the WeChat event signature) and the policies their endpoints require.</summary>
    public static IHostApplicationBuilder AddReceiptCallbackAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ReceiptCallbackAuthenticationHandler>(ReceiptCallbackAuthenticationHandler.SchemeName, _ => { })
            .AddScheme<AuthenticationSchemeOptions, WeChatEventAuthenticationHandler>(WeChatEventAuthenticationHandler.SchemeName, _ => { });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ReceiptCallbackAuthenticationHandler.Policy, policy => policy
                .AddAuthenticationSchemes(ReceiptCallbackAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser())
            .AddPolicy(WeChatEventAuthenticationHandler.Policy, policy => policy
                .AddAuthenticationSchemes(WeChatEventAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());
        return builder;
    }
}
