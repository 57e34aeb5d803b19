using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using CreditPower.GatewaySimulator.Control;
using CreditPower.GatewaySimulator.Received;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CreditPower.GatewaySimulator.WeChat;

/// <summary>
/// WeChat Official Account: <c>POST /cgi-bin/stable_token</c> and <c>POST /cgi-bin/message/template/send</c>, answered
/// as WeChat does — always HTTP 200, success or failure told by <c>errcode</c>/<c>errmsg</c>. An accepted template
/// message is followed by its TEMPLATESENDJOBFINISH event (<see cref="TemplateEventPusher"/>).
/// </summary>
internal static partial class WeChatEndpoints
{
    public static async Task<IResult> StableToken(HttpRequest request, IOptionsMonitor<WeChatSimulatorOptions> options, TokenStore tokens,
        CancellationToken cancellationToken)
    {
        var body = await ReadAsync<StableTokenRequest>(request, cancellationToken);
        var wechat = options.CurrentValue;
        if (body is null || body.GrantType != "client_credential")
        {
            return Error(40002, "invalid grant_type");
        }

        if (body.AppId != wechat.AppId)
        {
            return Error(40013, "invalid appid");
        }

        if (body.Secret is null || !CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(body.Secret), System.Text.Encoding.UTF8.GetBytes(wechat.AppSecret)))
        {
            return Error(40125, "invalid appsecret");
        }

        var (token, expiresIn) = tokens.Get(body.ForceRefresh == true, wechat.TokenLifetimeSeconds);
        return Json(new { access_token = token, expires_in = expiresIn });
    }

    public static async Task<IResult> SendTemplate(HttpRequest request, TokenStore tokens, Behaviour behaviour, MessageLog log,
        TemplateEventPusher events, CancellationToken cancellationToken)
    {
        var tokenError = tokens.Check(request.Query["access_token"].ToString());
        if (tokenError != 0)
        {
            return Error(tokenError, tokenError == 42001 ? "access_token expired" : "invalid credential, access_token is invalid or not latest");
        }

        var body = await ReadAsync<TemplateMessageRequest>(request, cancellationToken);
        if (body is null)
        {
            return Error(47001, "data format error");
        }

        await behaviour.DelayAsync(MessageLog.WeChat, cancellationToken);
        var openId = body.ToUser ?? "";
        if (behaviour.TakeFault(MessageLog.WeChat, openId) is { } fault)
        {
            var code = int.Parse(fault, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return code >= 500 ? TypedResults.StatusCode(code) : Error(code, code == -1 ? "system error" : "simulated failure");
        }

        if (behaviour.IsThrottled(MessageLog.WeChat))
        {
            return Error(45009, "reach max api daily quota limit");
        }

        if (!OpenIdShape().IsMatch(openId))
        {
            return Error(40003, "invalid openid");
        }

        if (behaviour.IsUnsubscribed(openId))
        {
            return Error(43004, "require subscribe");
        }

        if (string.IsNullOrWhiteSpace(body.TemplateId))
        {
            return Error(40037, "invalid template_id");
        }

        var data = (body.Data ?? []).ToDictionary(d => d.Key, d => d.Value.Value ?? "", StringComparer.Ordinal);
        var msgId = Random.Shared.NextInt64(1_000_000_000_000_000, 9_999_999_999_999_999);
        var msgIdText = msgId.ToString(CultureInfo.InvariantCulture);
        log.Add(MessageLog.WeChat, openId, null, body.TemplateId, data, null, msgIdText, body.Url);
        events.Schedule(openId, msgIdText);
        return Json(new { errcode = 0, errmsg = "ok", msgid = msgId });
    }

    private static async Task<T?> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, ProviderJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // WeChat appends a request id to every error message.
    private static JsonHttpResult<object> Error(int errcode, string errmsg) =>
        Json(new { errcode, errmsg = $"{errmsg} rid: {Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}" });

    private static JsonHttpResult<object> Json(object value) => TypedResults.Json(value, ProviderJson.Options);

    // Real openids are 28 characters of [A-Za-z0-9_-].
    [GeneratedRegex("^[A-Za-z0-9_-]{28}$")]
    private static partial Regex OpenIdShape();
}
