using CreditPower.Notifications.Domain;

namespace CreditPower.Notifications.Features.Templates;

/// <summary>A template as the editor lists it: what it is for, the placeholders it may use and its current wording.</summary>
public sealed record TemplateResponse(
    string Code, string Title, Channel Channel, IReadOnlyList<string> Placeholders, int Version, string Body, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>One version in a template's history.</summary>
public sealed record TemplateVersionResponse(string Code, int Version, string Body, string CreatedBy, DateTimeOffset CreatedAt, string? Note)
{
    internal static TemplateVersionResponse From(NoticeTemplate t) => new(t.Code, t.Version, t.Body, t.CreatedBy, t.CreatedAt, t.Note);
}
