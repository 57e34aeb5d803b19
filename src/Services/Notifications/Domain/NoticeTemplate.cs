namespace CreditPower.Notifications.Domain;

/// <summary>
/// One version of a notice text. An edit never overwrites: it adds the next version, so every contact log entry can
/// say exactly which wording the customer received.
/// </summary>
public sealed class NoticeTemplate
{
    public Guid Id { get; init; }
    public required string Code { get; init; }
    public int Version { get; init; }
    public required string Body { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? Note { get; init; }
}
