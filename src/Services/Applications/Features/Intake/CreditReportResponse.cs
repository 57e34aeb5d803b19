using CreditPower.Applications.Domain;

namespace CreditPower.Applications.Features.Intake;

public sealed record CreditReportResponse(string Number, DateOnly IssuedOn, string Issuer, DateOnly ValidUntil, IReadOnlyList<string> NegativeItems)
{
    internal static CreditReportResponse From(CreditReport report) =>
        new(report.Number, report.IssuedOn, report.Issuer, report.ValidUntil, report.NegativeItems);
}
