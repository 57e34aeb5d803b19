namespace CreditPower.Applications.Features.DrcReport;

/// <summary>One commitment letter, in full, in the DRC schema (docs/drc-commitment-report.md); dates are Beijing dates.</summary>
public sealed record DrcLetterRecord(
    string LetterNumber,
    string Uscc,
    string SubjectName,
    string LegalRepresentative,
    string Address,
    Guid ApplicationId,
    string ApplicationType,
    int CapacityKva,
    string ReportNumber,
    string ReportIssuedOn,
    string ReportIssuer,
    string ReportValidUntil,
    IReadOnlyList<string> ReportNegativeItems,
    string LetterDate,
    string SignedBy,
    string SignedAt,
    IReadOnlyList<DrcPromiseRecord> Promises,
    string FullText);
