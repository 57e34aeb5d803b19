using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using CreditPower.GatewaySimulator.Control;
using CreditPower.GatewaySimulator.Received;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CreditPower.GatewaySimulator.Sms;

/// <summary>
/// Alibaba Cloud SMS <c>SendSms</c> (API version 2017-05-25, RPC style): parameters in the query or a form body,
/// checked in the provider's order — signature, timestamp, nonce, then the business rules — and answered in its JSON
/// shape. Business refusals (<c>isv.*</c>) come with HTTP 200, as Alibaba sends them; authentication errors with 400.
/// </summary>
internal static partial class SendSmsEndpoint
{
    public static async Task<IResult> Handle(
        HttpRequest request,
        IOptionsMonitor<SmsSimulatorOptions> options,
        NonceCache nonces,
        Behaviour behaviour,
        MessageLog log,
        ReceiptPusher receipts,
        ReceiptSettings receiptSettings,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        // Alibaba's RPC endpoint is the root path, where a person opening the simulator lands too: a GET without Action is the page.
        if (HttpMethods.IsGet(request.Method) && !request.Query.ContainsKey("Action"))
        {
            return HomePage.Render(request, log);
        }

        var parameters = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync(cancellationToken))
            {
                parameters[key] = value.ToString();
            }
        }

        var sms = options.CurrentValue;
        string Param(string name) => parameters.GetValueOrDefault(name) ?? "";

        foreach (var required in new[] { "AccessKeyId", "Signature", "SignatureNonce", "Timestamp", "Action", "Version" })
        {
            if (Param(required).Length == 0)
            {
                return Error(400, $"MissingParameter.{required}", $"The input parameter \"{required}\" that is mandatory for processing this request is not supplied.");
            }
        }

        if (Param("Action") != "SendSms" || Param("Version") != "2017-05-25")
        {
            return Error(400, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
        }

        if (Param("SignatureMethod") != "HMAC-SHA1" || Param("SignatureVersion") != "1.0")
        {
            return Error(400, "InvalidParameter", "The signature method or version is not supported.");
        }

        var accessKey = sms.AccessKeys.FirstOrDefault(k => k.Id == Param("AccessKeyId"));
        if (accessKey is null)
        {
            return Error(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }

        var expected = AliyunRpcSignature.Compute(request.Method, parameters, accessKey.Secret);
        if (!AliyunRpcSignature.Matches(expected, Param("Signature")))
        {
            return Error(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.");
        }

        if (!DateTimeOffset.TryParseExact(Param("Timestamp"), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var timestamp))
        {
            return Error(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
        }

        if ((clock.GetUtcNow() - timestamp).Duration() > sms.TimestampTolerance)
        {
            return Error(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
        }

        if (!nonces.TryUse(Param("SignatureNonce"), timestamp, sms.TimestampTolerance))
        {
            return Error(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        }

        await behaviour.DelayAsync(MessageLog.Sms, cancellationToken);
        var phoneNumbers = Param("PhoneNumbers");
        if (behaviour.TakeFault(MessageLog.Sms, phoneNumbers) is { } fault)
        {
            return int.TryParse(fault, NumberStyles.None, CultureInfo.InvariantCulture, out var status)
                ? Error(status, status == 503 ? "ServiceUnavailable" : "InternalError", "The request processing has failed due to some unknown error.")
                : Error(200, fault, FaultMessage(fault));
        }

        if (behaviour.IsThrottled(MessageLog.Sms))
        {
            return Error(200, "isv.BUSINESS_LIMIT_CONTROL", "触发流控");
        }

        var numbers = phoneNumbers.Split(',', StringSplitOptions.TrimEntries);
        if (phoneNumbers.Length == 0 || !numbers.All(n => MainlandMobile().IsMatch(n)))
        {
            return Error(200, "isv.MOBILE_NUMBER_ILLEGAL", "非法手机号");
        }

        var signName = Param("SignName");
        if (signName.Length == 0 || (sms.SignNames.Count > 0 && !sms.SignNames.Contains(signName)))
        {
            return Error(200, "isv.SMS_SIGNATURE_ILLEGAL", "该账号下找不到对应签名");
        }

        var templateCode = Param("TemplateCode");
        if (templateCode.Length == 0 || (sms.TemplateCodes.Count > 0 && !sms.TemplateCodes.Contains(templateCode)))
        {
            return Error(200, "isv.SMS_TEMPLATE_ILLEGAL", "该账号下找不到对应模板");
        }

        if (!TryReadTemplateParam(Param("TemplateParam"), out var templateParams))
        {
            return Error(200, "isv.INVALID_JSON_PARAM", "JSON参数不合法，只接受字符串值");
        }

        var outId = parameters.GetValueOrDefault("OutId");
        var bizId = string.Create(CultureInfo.InvariantCulture, $"{RandomNumberGenerator.GetInt32(100_000, 999_999)}{clock.GetUtcNow().ToUnixTimeMilliseconds()}^0");
        var size = Math.Max(1, (int)Math.Ceiling(templateParams.Values.Sum(v => v.Length + 10) / 67.0));
        foreach (var number in numbers)
        {
            log.Add(MessageLog.Sms, number, signName, templateCode, templateParams, outId, bizId, null);
            receipts.Schedule(number, bizId, outId, size, receiptSettings.IsDeliverable(number));
        }

        return TypedResults.Json(new { RequestId = NewRequestId(), Code = "OK", Message = "OK", BizId = bizId }, ProviderJson.Options);
    }

    private static bool TryReadTemplateParam(string json, out Dictionary<string, string> values)
    {
        values = [];
        if (json.Length == 0)
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    return false;
                }

                values[property.Name] = property.Value.GetString()!;
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string FaultMessage(string code) => code switch
    {
        "isv.BUSINESS_LIMIT_CONTROL" => "触发流控",
        "isv.MOBILE_NUMBER_ILLEGAL" => "非法手机号",
        "isv.SMS_TEMPLATE_ILLEGAL" => "该账号下找不到对应模板",
        "isv.AMOUNT_NOT_ENOUGH" => "账户余额不足",
        _ => "模拟的失败",
    };

    private static JsonHttpResult<object> Error(int status, string code, string message) =>
        TypedResults.Json<object>(new { RequestId = NewRequestId(), Code = code, Message = message, HostId = "dysmsapi.aliyuncs.com" }, ProviderJson.Options, statusCode: status);

    private static string NewRequestId() => Guid.NewGuid().ToString("D").ToUpperInvariant();

    [GeneratedRegex(@"^(\+?86)?1[3-9]\d{9}$")]
    private static partial Regex MainlandMobile();
}
