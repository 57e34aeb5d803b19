namespace CreditPower.Grading.Domain;

/// <summary>
/// An application for credit repair (信用修复, DOMAIN.md §10): red after 3 clean months, black after 6 or when
/// its lock ends; a supervisor decides. Repaired events stay in the archive marked 已修复.
/// </summary>
public sealed class RepairRequest
{
    public Guid Id { get; init; }
    public Guid SubjectId { get; init; }
    public required string Reason { get; init; }
    public RepairStatus Status { get; set; }
    public required string RequestedBy { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
}
