namespace CreditPower.Applications.Features.CreditPath;

/// <summary>江苏省法人公共信用信息查询报告, as printed on it.</summary>
public sealed record CreditReportRequest
{
    public required string Number { get; init; }
    public required DateOnly IssuedOn { get; init; }
    public required string Issuer { get; init; }
    public required DateOnly ValidUntil { get; init; }
    public List<string> NegativeItems { get; init; } = [];
}
