using CreditPower.Notifications.Domain;

namespace CreditPower.Notifications.Features.ContactLog;

public sealed record ContactLogEntryResponse(
    Guid Id, Guid SubjectId, Channel Channel, string TemplateCode, int TemplateVersion, string Content, ContactStatus Status, DateTimeOffset CreatedAt);
