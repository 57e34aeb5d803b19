namespace CreditPower.Portal.Features.Applications;

/// <summary>An application as the queue and the detail page show it (the service's JSON, enums as camelCase strings).</summary>
public sealed record ApplicationView(
    Guid Id, string SubjectKind, string Identifier, string ApplicantName, string Type, string TypeName, int CapacityKva,
    string Address, string Stage, string StageName, DateTimeOffset StageEnteredAt, DateTimeOffset? StageDueAt, bool Overdue,
    string? NextStage, string? NextStageName, string? NextStageBy, DateTimeOffset SubmittedAt, bool GreenChannel, bool CreditPath,
    string? PropertyDocumentType = null, string? PropertyDocumentNumber = null, IReadOnlyList<TimelineEntryView>? Timeline = null,
    CreditReportView? CreditReport = null, LetterView? Letter = null);

public sealed record TimelineEntryView(string Stage, string StageName, DateTimeOffset EnteredAt, string EnteredBy, string EnteredAs, DateTimeOffset? DueAt, bool GreenChannel, string? Note);

public sealed record CreditReportView(string Number, DateOnly IssuedOn, string Issuer, DateOnly ValidUntil, IReadOnlyList<string> NegativeItems);

public sealed record LetterView(
    Guid Id, string Number, DateOnly LetterDate, string LegalRepresentative, string? SignedBy, DateTimeOffset? SignedAt,
    string? SigningRecordedBy, DateTimeOffset? ReportedAt, IReadOnlyList<CommitmentView> Commitments);

public sealed record CommitmentView(
    Guid Id, Guid ApplicationId, string LetterNumber, string Identifier, string SubjectName, string Kind, string Promise,
    DateTimeOffset Deadline, string State, string StateName, bool Overdue, bool LetterSigned, string? VerifiedBy,
    DateTimeOffset? VerifiedAt, string? VerificationNote);

public sealed record DrcBatchView(int Sequence, DateTimeOffset CreatedAt, string CreatedBy, DateOnly? ScheduledFor, int LetterCount, string JsonSha256, string CsvSha256);

public sealed record ReconciledLetterView(
    string LetterNumber, string Uscc, string SubjectName, DateTimeOffset SignedAt, DateTimeOffset ReportDeadline, int? BatchSequence,
    DateTimeOffset? ReportedAt, string Status, string StatusName);

public sealed record ReconciliationView(
    DateOnly From, DateOnly To, int DeadlineHours, int SignedCount, int OnTime, int Late, int Pending, int Missing, bool Complete,
    IReadOnlyList<ReconciledLetterView> Letters);
