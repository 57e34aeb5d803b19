namespace CreditPower.Notifications.Domain;

/// <summary>
/// One contact attempt with a customer. <see cref="DedupeKey"/> is unique: one notification per
/// trigger per channel, whatever the bus delivers twice.
/// </summary>
public sealed class ContactLogEntry
{
    public Guid Id { get; init; }
    public Guid SubjectId { get; init; }
    public Channel Channel { get; init; }
    public required string Trigger { get; init; }
    public required string DedupeKey { get; init; }
    public required string TemplateCode { get; init; }
    public required string Content { get; init; }
    public ContactStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
