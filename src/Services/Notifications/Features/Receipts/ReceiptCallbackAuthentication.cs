using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CreditPower.Notifications.Channels;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CreditPower.Notifications.Features.Receipts;

/// <summary>
/// The SMS provider's credential for its receipt pushes: Alibaba's HTTP batch push cannot sign or add headers, so the
/// callback URL configured at the provider carries a shared secret (<c>?token=</c>), compared in constant time with
/// <c>Sms:ReceiptToken</c>. Staff tokens do not satisfy this scheme, nor it any staff endpoint.
/// </summary>
internal sealed class ReceiptCallbackAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptionsMonitor<SmsOptions> sms)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "sms-receipts";
    public const string Policy = "sms-receipts";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Query["token"].ToString();
        if (presented.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var expected = sms.CurrentValue.ReceiptToken;
        if (string.IsNullOrEmpty(expected))
        {
            return Task.FromResult(AuthenticateResult.Fail("Sms:ReceiptToken is not configured."));
        }

        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected))))
        {
            return Task.FromResult(AuthenticateResult.Fail("The receipt token does not match."));
        }

        var identity = new ClaimsIdentity([new Claim("sub", "aliyun-sms")], SchemeName, "sub", "role");
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
