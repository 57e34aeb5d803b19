using CreditPower.Contracts;

namespace CreditPower.Notifications.Domain;

/// <summary>
/// A written notice letter (书面告知函) to a customer graded red or black (DOMAIN.md §6). Its text is fixed when it is
/// issued, so the PDF printed today and a reprint next year say the same; its number is never reused.
/// </summary>
public sealed class Letter
{
    public Guid Id { get; init; }
    public int Year { get; init; }
    public int Serial { get; init; }
    public required string Number { get; init; }
    public Guid SubjectId { get; init; }
    public required string SubjectName { get; init; }
    public SubjectKind SubjectKind { get; init; }

    /// <summary>The USCC or resident ID number; masked whenever it leaves the service.</summary>
    public required string SubjectIdentifier { get; init; }

    public CreditColour Colour { get; init; }
    public int Score { get; init; }

    /// <summary>Every reason a customer reads (events, vetoes, red conditions), not only the three an SMS has room for.</summary>
    public List<string> Reasons { get; init; } = [];

    public required string RuleVersion { get; init; }
    public DateTimeOffset EffectiveAt { get; init; }

    /// <summary>The grade change that asked for the letter: one letter per trigger.</summary>
    public required string Trigger { get; init; }

    public DateTimeOffset IssuedAt { get; init; }
    public DateOnly RectifyBy { get; init; }
    public DateOnly ObjectBy { get; init; }
    public required string Issuer { get; init; }
    public List<LetterParagraph> Paragraphs { get; init; } = [];
    public Guid ContactLogEntryId { get; init; }

    public DateTimeOffset? PrintedAt { get; set; }
    public string? PrintedBy { get; set; }

    public DeliveryMethod? DeliveryMethod { get; set; }
    public string? TrackingNumber { get; set; }
    public DateOnly? SentOn { get; set; }
    public string? DeliveryRecordedBy { get; set; }

    public string? ReceiptSignedBy { get; set; }
    public DateOnly? ReceiptSignedOn { get; set; }
    public string? ReceiptRecordedBy { get; set; }
    public DateTimeOffset? ReceiptRecordedAt { get; set; }
}
