using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CreditPower.Notifications.Channels;

/// <summary>
/// Sends one Official Account template message (<c>/cgi-bin/message/template/send</c>). A token WeChat calls invalid
/// or expired (40001, 42001) is refreshed once and the message sent once more; errcodes then map to
/// sent / retry later / permanent.
/// </summary>
internal sealed class WeChatClient(HttpClient http, WeChatTokenCache tokens, IOptions<WeChatOptions> options)
{
    private static readonly HashSet<int> _tokenRefused = [40001, 42001];
    private static readonly HashSet<int> _retryable = [-1, 45009, 45011, 45047, 40001, 42001];

    public async Task<SendResult> SendAsync(string openId, string templateCode, IReadOnlyDictionary<string, string> parameters,
        CancellationToken cancellationToken)
    {
        var wechat = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wechat.Timeout);
        try
        {
            var token = await tokens.GetAsync(rejected: null, timeout.Token);
            var (errcode, errmsg, msgId) = await PostAsync(token, openId, templateCode, parameters, timeout.Token);
            if (_tokenRefused.Contains(errcode))
            {
                token = await tokens.GetAsync(rejected: token, timeout.Token);
                (errcode, errmsg, msgId) = await PostAsync(token, openId, templateCode, parameters, timeout.Token);
            }

            if (errcode == 0 && msgId is not null)
            {
                return SendResult.Sent(msgId);
            }

            var error = new WeChatError(errcode, errmsg).Describe();
            return _retryable.Contains(errcode) || errcode >= 500 && errcode < 600 ? SendResult.RetryLater(error) : SendResult.Permanent(error);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendResult.RetryLater($"微信接口 {wechat.Timeout.TotalSeconds:0.#} 秒内未应答");
        }
        catch (Exception ex) when (ex is HttpRequestException or WeChatTokenException or JsonException or TimeoutException)
        {
            return SendResult.RetryLater($"微信接口不可用：{ex.Message}");
        }
    }

    /// <summary>The errcode (an HTTP status ≥ 500 when the gateway itself failed), errmsg and msgid.</summary>
    private async Task<(int Errcode, string? Errmsg, string? MsgId)> PostAsync(string token, string openId, string templateCode,
        IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var wechat = options.Value;
        var url = new Uri(wechat.BaseUrl!, $"cgi-bin/message/template/send?access_token={Uri.EscapeDataString(token)}");
        using var response = await http.PostAsJsonAsync(url, new
        {
            touser = openId,
            template_id = wechat.Templates.GetValueOrDefault(templateCode, templateCode),
            url = string.IsNullOrEmpty(wechat.MessageUrl) ? null : wechat.MessageUrl,
            data = parameters.ToDictionary(p => p.Key, p => new { value = p.Value }),
        }, cancellationToken);
        if ((int)response.StatusCode >= 500)
        {
            return ((int)response.StatusCode, response.ReasonPhrase, null);
        }

        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var error = WeChatError.From(answer);
        var msgId = answer.TryGetProperty("msgid", out var id) ? id.GetRawText() : null;
        return (error.Code, error.Message, msgId);
    }
}
