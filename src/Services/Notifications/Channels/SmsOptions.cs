namespace CreditPower.Notifications.Channels;

/// <summary>
/// The Alibaba Cloud SMS account (configuration <c>Sms:*</c>): switching from the simulator to the real provider is a
/// matter of <see cref="BaseUrl"/> (https://dysmsapi.aliyuncs.com) and the key pair.
/// </summary>
public sealed class SmsOptions
{
    public const string SectionName = "Sms";

    public Uri? BaseUrl { get; set; }
    public string AccessKeyId { get; set; } = "";
    public string AccessKeySecret { get; set; } = "";
    public string SignName { get; set; } = "淮阴供电";
    public string RegionId { get; set; } = "cn-hangzhou";

    /// <summary>Our template codes (grade-yellow-sms…) to the provider's approved ones (SMS_…); unmapped codes go as they are.</summary>
    public Dictionary<string, string> Templates { get; init; } = [];

    /// <summary>The shared secret the provider's receipt callback URL carries (<c>?token=</c>); receipts without it are refused.</summary>
    public string ReceiptToken { get; set; } = "";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
