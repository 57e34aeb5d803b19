namespace CreditPower.Applications.Features.DrcReport;

/// <summary>
/// One signed letter in the reconciliation: the batch that carried it, and whether that was on time (<c>onTime</c>),
/// after the deadline (<c>late</c>), not yet but still within it (<c>pending</c>), or not at all past it (<c>missing</c>).
/// </summary>
public sealed record ReconciledLetter(
    string LetterNumber, string Uscc, string SubjectName, DateTimeOffset SignedAt, DateTimeOffset ReportDeadline,
    int? BatchSequence, DateTimeOffset? ReportedAt, string Status, string StatusName);
