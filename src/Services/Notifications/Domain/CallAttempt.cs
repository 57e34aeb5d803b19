namespace CreditPower.Notifications.Domain;

/// <summary>One call made for a task; every attempt is kept, so the archive shows how hard staff tried.</summary>
public sealed class CallAttempt
{
    public Guid Id { get; init; }
    public Guid CallTaskId { get; init; }
    public int Number { get; init; }
    public CallOutcome Outcome { get; init; }
    public required string Notes { get; init; }
    public required string RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}
