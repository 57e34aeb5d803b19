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

    /// <summary>The template version the content was rendered from (0 for entries written before templates were versioned).</summary>
    public int TemplateVersion { get; init; }

    /// <summary>The template's parameters (name, colour, score, reasons…): what a provider's template message is sent with.</summary>
    public Dictionary<string, string> Parameters { get; init; } = [];

    public required string Content { get; init; }
    public ContactStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
