using System.Text.Json.Serialization;

namespace CreditPower.GatewaySimulator.Sms;

/// <summary>One delivery receipt in Alibaba's SmsReport HTTP batch-push shape (a JSON array of these per push).</summary>
internal sealed record SmsReport(
    [property: JsonPropertyName("phone_number")] string PhoneNumber,
    [property: JsonPropertyName("send_time")] string SendTime,
    [property: JsonPropertyName("report_time")] string ReportTime,
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("err_code")] string ErrCode,
    [property: JsonPropertyName("err_msg")] string ErrMsg,
    [property: JsonPropertyName("sms_size")] string SmsSize,
    [property: JsonPropertyName("biz_id")] string BizId,
    [property: JsonPropertyName("out_id")] string? OutId);
