using System.Text.Json.Serialization;

namespace CreditPower.Notifications.Features.Receipts;

/// <summary>One delivery receipt as Alibaba's SmsReport HTTP push sends it (a JSON array of these per request).</summary>
public sealed record SmsReport
{
    [JsonPropertyName("phone_number")] public string? PhoneNumber { get; init; }
    [JsonPropertyName("send_time")] public string? SendTime { get; init; }
    [JsonPropertyName("report_time")] public string? ReportTime { get; init; }
    [JsonPropertyName("success")] public bool Success { get; init; }
    [JsonPropertyName("err_code")] public string? ErrCode { get; init; }
    [JsonPropertyName("err_msg")] public string? ErrMsg { get; init; }
    [JsonPropertyName("sms_size")] public string? SmsSize { get; init; }
    [JsonPropertyName("biz_id")] public string? BizId { get; init; }
    [JsonPropertyName("out_id")] public string? OutId { get; init; }
}
