namespace CreditPower.Grading.Domain;

/// <summary>Who opened what personal data, and when (DOMAIN.md §2: every view of a full record is logged).</summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; }
    public required string Actor { get; init; }
    public required string Action { get; init; }
    public Guid SubjectId { get; init; }
    public DateTimeOffset At { get; init; }
}
