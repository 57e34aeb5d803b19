using CreditPower.Contracts;
using CreditPower.Notifications.Domain;
using Identifiers = CreditPower.ServiceDefaults.Subjects.SubjectIdentifier;

namespace CreditPower.Notifications.Features.Letters;

/// <summary>A notice letter as staff list it: number, addressee (a resident ID masked), state of printing, delivery and receipt.</summary>
public sealed record LetterResponse(
    Guid Id,
    string Number,
    Guid SubjectId,
    string SubjectName,
    string SubjectIdentifier,
    CreditColour Colour,
    int Score,
    IReadOnlyList<string> Reasons,
    DateTimeOffset IssuedAt,
    DateOnly RectifyBy,
    DateOnly ObjectBy,
    IReadOnlyList<LetterParagraph> Paragraphs,
    DateTimeOffset? PrintedAt,
    string? PrintedBy,
    DeliveryMethod? DeliveryMethod,
    string? TrackingNumber,
    DateOnly? SentOn,
    string? ReceiptSignedBy,
    DateOnly? ReceiptSignedOn,
    ContactStatus ContactStatus)
{
    internal static LetterResponse From(Letter l, ContactStatus contactStatus) => new(
        l.Id, l.Number, l.SubjectId, l.SubjectName, Identifiers.Display(l.SubjectKind, l.SubjectIdentifier), l.Colour, l.Score, l.Reasons,
        l.IssuedAt, l.RectifyBy, l.ObjectBy, l.Paragraphs, l.PrintedAt, l.PrintedBy, l.DeliveryMethod, l.TrackingNumber, l.SentOn,
        l.ReceiptSignedBy, l.ReceiptSignedOn, contactStatus);
}
