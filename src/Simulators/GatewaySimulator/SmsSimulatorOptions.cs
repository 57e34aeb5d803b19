namespace CreditPower.GatewaySimulator;

/// <summary>What the simulated Alibaba Cloud SMS account knows: its key pairs, approved signs and templates, receipt URL.</summary>
public sealed class SmsSimulatorOptions
{
    public const string SectionName = "Sms";

    public List<AccessKeyPair> AccessKeys { get; init; } = [];

    /// <summary>Approved sign names (签名); empty accepts any non-empty sign.</summary>
    public List<string> SignNames { get; init; } = [];

    /// <summary>Approved template codes; empty accepts any non-empty code.</summary>
    public List<string> TemplateCodes { get; init; } = [];

    /// <summary>Where delivery receipts (SmsReport, HTTP batch push) go; none are pushed when unset.</summary>
    public string? ReceiptCallbackUrl { get; set; }

    /// <summary>How long after a send the carrier "reports" delivery.</summary>
    public TimeSpan ReceiptDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Alibaba refuses a request whose Timestamp is further than this from its clock.</summary>
    public TimeSpan TimestampTolerance { get; init; } = TimeSpan.FromMinutes(15);
}
