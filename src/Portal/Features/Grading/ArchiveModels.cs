namespace CreditPower.Portal.Features.Grading;

public sealed record ArchiveView(
    Guid Id, string Kind, string Identifier, string Name, string? LegalRepresentative, ArchiveContactsView Contacts,
    IReadOnlyList<string> Accounts, ArchiveGradeView Grade, DateTimeOffset RegisteredAt, IReadOnlyList<ArchiveEventView> Events,
    IReadOnlyList<ArchiveGradeView> Grades, IReadOnlyList<ObjectionView> Objections, IReadOnlyList<RepairView> Repairs, bool Masked);

public sealed record ArchiveContactsView(string? Mobile, string? Address);

public sealed record ArchiveEventView(
    Guid Id, string EventType, string EventTypeName, int Points, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, DateTimeOffset? ExpiresAt,
    string Source, string? AccountNumber, string? Evidence, string Status, string StatusLabel, string RecordedBy, string? ApprovedBy,
    DateTimeOffset? ApprovedAt, string RuleVersion);

public sealed record ArchiveGradeView(string Colour, string ColourName, int Score, string RuleVersion, DateTimeOffset EffectiveAt, IReadOnlyList<GradeReasonView> Reasons);
