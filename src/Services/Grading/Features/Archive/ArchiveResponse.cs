using CreditPower.Contracts;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.Objections;
using CreditPower.Grading.Features.Repairs;

namespace CreditPower.Grading.Features.Archive;

/// <summary>
/// A subject's credit archive (信用档案, DOMAIN.md §2) in one answer, as the portal's archive page renders it.
/// The archive view masks ID numbers and mobiles; the audit-logged full record shows them.
/// </summary>
public sealed record ArchiveResponse(
    Guid Id,
    SubjectKind Kind,
    string Identifier,
    string Name,
    string? LegalRepresentative,
    ArchiveContacts Contacts,
    IReadOnlyList<string> Accounts,
    ArchiveGrade Grade,
    DateTimeOffset RegisteredAt,
    IReadOnlyList<ArchiveEvent> Events,
    IReadOnlyList<ArchiveGrade> Grades,
    IReadOnlyList<ObjectionResponse> Objections,
    IReadOnlyList<RepairResponse> Repairs,
    bool Masked);

public sealed record ArchiveContacts(string? Mobile, string? Address);

/// <summary>One entry of the event timeline, with its status as staff read it (异议处理中, 已修复…).</summary>
public sealed record ArchiveEvent(
    Guid Id,
    string EventType,
    string EventTypeName,
    int Points,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    DateTimeOffset? ExpiresAt,
    string Source,
    string? AccountNumber,
    string? Evidence,
    CreditEventStatus Status,
    string StatusLabel,
    string RecordedBy,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    string RuleVersion);

/// <summary>A grade with the reasons and the rule version that produced it.</summary>
public sealed record ArchiveGrade(
    CreditColour Colour,
    string ColourName,
    int Score,
    string RuleVersion,
    DateTimeOffset EffectiveAt,
    IReadOnlyList<GradeReason> Reasons);
