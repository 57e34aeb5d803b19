namespace CreditPower.Notifications.Domain;

/// <summary>
/// One contact attempt with a customer. <see cref="DedupeKey"/> is unique: one notification per
/// trigger per channel, whatever the bus delivers twice. SMS and WeChat entries are sent by the
/// dispatcher (Features/Dispatch), which keeps the delivery fields below.
/// </summary>
public sealed class ContactLogEntry
{
    public Guid Id { get; init; }

    /// <summary>The subject it is for; <see cref="Guid.Empty"/> for an applicant notice whose applicant no profile names (see <see cref="Identifier"/>).</summary>
    public Guid SubjectId { get; set; }

    /// <summary>
    /// The applicant's USCC or resident ID number, kept only on a notice that found no subject: when the applicant is
    /// registered later, the entry joins that subject's contact log.
    /// </summary>
    public string? Identifier { get; set; }

    public Channel Channel { get; init; }
    public required string Trigger { get; init; }
    public required string DedupeKey { get; init; }
    public required string TemplateCode { get; init; }

    /// <summary>The template version the content was rendered from (0 for entries written before templates were versioned).</summary>
    public int TemplateVersion { get; init; }

    /// <summary>The template's parameters (name, colour, score, reasons…): the SMS TemplateParam, the WeChat template data.</summary>
    public Dictionary<string, string> Parameters { get; init; } = [];

    public required string Content { get; init; }

    public ContactStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Not before this is the entry sent (again): back-off after a failure, 08:00 after quiet hours.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>Whom it went to, masked (138****5678, or the start of an openid).</summary>
    public string? Recipient { get; set; }

    /// <summary>The provider's id for the message: Alibaba's BizId, WeChat's msgid.</summary>
    public string? ProviderMessageId { get; set; }

    public string? LastError { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
