using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.Options;

namespace CreditPower.Notifications.Channels;

/// <summary>
/// Sends one SMS through Alibaba Cloud <c>SendSms</c> (2017-05-25, RPC style, POST form to <c>/</c>) and maps the
/// provider's answer to sent / retry later / permanent. No HTTP-level retries: a retried POST could send the SMS twice,
/// so retrying is the dispatcher's decision.
/// </summary>
internal sealed class AliyunSmsClient(HttpClient http, IOptions<SmsOptions> options, TimeProvider clock)
{
    private static readonly HashSet<string> _retryable = new(StringComparer.Ordinal)
    {
        "isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL", "isv.AMOUNT_NOT_ENOUGH", "isv.OUT_OF_SERVICE",
        "Throttling", "Throttling.User", "Throttling.Api", "ServiceUnavailable", "InternalError",
        "InvalidTimeStamp.Expired", "SignatureNonceUsed",
    };

    // Chinese values as they are, not \uXXXX: what the provider shows in its console, and shorter.
    private static readonly JsonSerializerOptions _templateJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public async Task<SendResult> SendAsync(string phoneNumber, string templateCode, IReadOnlyDictionary<string, string> parameters,
        string outId, CancellationToken cancellationToken)
    {
        var sms = options.Value;
        var form = BuildSignedRequest(sms, phoneNumber, templateCode, parameters, outId, clock.GetUtcNow(), Guid.NewGuid().ToString("N"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(sms.Timeout);
        try
        {
            using var content = new FormUrlEncodedContent(form);
            using var response = await http.PostAsync(sms.BaseUrl, content, timeout.Token);
            var answer = await ReadAnswerAsync(response, timeout.Token);
            if (answer?.Code == "OK" && !string.IsNullOrEmpty(answer.BizId))
            {
                return SendResult.Sent(answer.BizId);
            }

            var error = answer is null ? $"HTTP {(int)response.StatusCode}" : $"{answer.Code}: {answer.Message}";
            return (int)response.StatusCode >= 500 || answer is null || _retryable.Contains(answer.Code ?? "")
                ? SendResult.RetryLater(error)
                : SendResult.Permanent(error);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendResult.RetryLater($"短信网关 {sms.Timeout.TotalSeconds:0.#} 秒内未应答");
        }
        catch (HttpRequestException ex)
        {
            return SendResult.RetryLater($"短信网关不可达：{ex.Message}");
        }
    }

    /// <summary>The complete form of a SendSms request, signed: every parameter the provider checks, and Signature.</summary>
    internal static SortedDictionary<string, string> BuildSignedRequest(SmsOptions sms, string phoneNumber, string templateCode,
        IReadOnlyDictionary<string, string> parameters, string outId, DateTimeOffset now, string nonce)
    {
        var form = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccessKeyId"] = sms.AccessKeyId,
            ["Action"] = "SendSms",
            ["Format"] = "JSON",
            ["OutId"] = outId,
            ["PhoneNumbers"] = phoneNumber,
            ["RegionId"] = sms.RegionId,
            ["SignName"] = sms.SignName,
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = nonce,
            ["SignatureVersion"] = "1.0",
            ["TemplateCode"] = sms.Templates.GetValueOrDefault(templateCode, templateCode),
            ["TemplateParam"] = JsonSerializer.Serialize(parameters, _templateJson),
            ["Timestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["Version"] = "2017-05-25",
        };
        form["Signature"] = Sign("POST", form, sms.AccessKeySecret);
        return form;
    }

    /// <summary>
    /// Alibaba's RPC signature: sorted (ordinal) and percent-encoded <c>name=value</c> pairs joined by <c>&amp;</c>;
    /// <c>METHOD&amp;%2F&amp;</c> + that, encoded again; HMAC-SHA1 keyed with <c>secret&amp;</c>, Base64.
    /// </summary>
    internal static string Sign(string method, IEnumerable<KeyValuePair<string, string>> parameters, string secret)
    {
        var canonical = string.Join('&', parameters
            .Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => PercentEncode(p.Key) + "=" + PercentEncode(p.Value)));
        var stringToSign = method + "&" + PercentEncode("/") + "&" + PercentEncode(canonical);
        // HMAC-SHA1 is what the provider's protocol prescribes; the choice is not ours.
#pragma warning disable CA5350
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"), Encoding.UTF8.GetBytes(stringToSign)));
#pragma warning restore CA5350
    }

    /// <summary>
    /// URL-encoding as Alibaba defines it: UTF-8, unreserved characters (A–Z a–z 0–9 - _ . ~) kept, everything else
    /// %XX in upper case — so a space is %20 (not +), <c>*</c> is %2A and <c>~</c> stays.
    /// </summary>
    /// <remarks>.NET's RFC 3986 escaping is exactly this (unreserved kept, upper-case hex, space %20, * %2A).</remarks>
    internal static string PercentEncode(string value) => Uri.EscapeDataString(value);

    private static async Task<SmsAnswer?> ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<SmsAnswer>(cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
