namespace CreditPower.Applications.Features.CreditPath;

/// <summary>The credit path: the subject's public credit report and who represents it on the commitment letter.</summary>
public sealed record CreditPathRequest
{
    public required string LegalRepresentative { get; init; }
    public required CreditReportRequest Report { get; init; }
}
