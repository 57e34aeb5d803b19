using CreditPower.Notifications.Domain;

namespace CreditPower.Notifications.Features.ContactLog;

/// <summary>One contact attempt as staff see it: recipient masked, with where delivery stands and why it failed.</summary>
public sealed record ContactLogEntryResponse(
    Guid Id,
    Guid SubjectId,
    Channel Channel,
    string TemplateCode,
    int TemplateVersion,
    string Content,
    ContactStatus Status,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? Recipient,
    string? ProviderMessageId,
    string? LastError,
    DateTimeOffset? SentAt,
    DateTimeOffset? DeliveredAt);
