using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using CreditPower.Notifications.Channels;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CreditPower.Notifications.Features.Receipts;

/// <summary>
/// WeChat's credential for what it pushes to the account's server URL: <c>?signature=&amp;timestamp=&amp;nonce=</c>,
/// the signature made with the Token both sides know (<c>WeChat:ServerToken</c>), and a timestamp within
/// <c>WeChat:EventTimestampTolerance</c> of our clock. Staff tokens do not satisfy this scheme, nor it any staff endpoint.
/// </summary>
internal sealed class WeChatEventAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptionsMonitor<WeChatOptions> wechat,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "wechat-events";
    public const string Policy = "wechat-events";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var signature = Request.Query["signature"].ToString();
        if (signature.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var settings = wechat.CurrentValue;
        if (string.IsNullOrEmpty(settings.ServerToken))
        {
            return Task.FromResult(AuthenticateResult.Fail("WeChat:ServerToken is not configured."));
        }

        var timestamp = Request.Query["timestamp"].ToString();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > settings.EventTimestampTolerance)
        {
            return Task.FromResult(AuthenticateResult.Fail("The event's timestamp is missing or too far from our clock."));
        }

        if (!WeChatEventSignature.Matches(settings.ServerToken, timestamp, Request.Query["nonce"].ToString(), signature))
        {
            return Task.FromResult(AuthenticateResult.Fail("The event's signature does not match."));
        }

        var identity = new ClaimsIdentity([new Claim("sub", "wechat")], SchemeName, "sub", "role");
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
