namespace CreditPower.Portal.Features.Notifications;

/// <summary>A phone-call task from Notifications' work list.</summary>
public sealed record CallTaskView(
    Guid Id,
    Guid SubjectId,
    string SubjectName,
    string SubjectIdentifier,
    string Reason,
    string Script,
    int TemplateVersion,
    string Status,
    int AttemptCount,
    int MaxAttempts,
    DateTimeOffset DueAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<CallAttemptView> Attempts)
{
    public bool IsOpen => Status == "open";
}

public sealed record CallAttemptView(int Number, string Outcome, string Notes, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>A written notice letter as Notifications lists it.</summary>
public sealed record LetterView(
    Guid Id,
    string Number,
    Guid SubjectId,
    string SubjectName,
    string SubjectIdentifier,
    string Colour,
    int Score,
    IReadOnlyList<string> Reasons,
    DateTimeOffset IssuedAt,
    DateOnly RectifyBy,
    DateOnly ObjectBy,
    DateTimeOffset? PrintedAt,
    string? PrintedBy,
    string? DeliveryMethod,
    string? TrackingNumber,
    DateOnly? SentOn,
    string? ReceiptSignedBy,
    DateOnly? ReceiptSignedOn,
    string ContactStatus);

/// <summary>A notice template with its current wording.</summary>
public sealed record TemplateView(
    string Code, string Title, string Channel, IReadOnlyList<string> Placeholders, int Version, string Body, string UpdatedBy, DateTimeOffset UpdatedAt);

public sealed record TemplateVersionView(string Code, int Version, string Body, string CreatedBy, DateTimeOffset CreatedAt, string? Note);
