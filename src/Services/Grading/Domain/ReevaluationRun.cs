namespace CreditPower.Grading.Domain;

/// <summary>A bulk re-evaluation and its progress (done / total), as the API and the portal show it.</summary>
public sealed class ReevaluationRun
{
    public Guid Id { get; init; }
    public ReevaluationKind Kind { get; init; }
    public required string RuleVersion { get; init; }
    public DateTimeOffset AsOf { get; init; }
    public long Total { get; set; }
    public long Done { get; set; }
    public long Changed { get; set; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? Error { get; set; }
    public required string StartedBy { get; init; }
}
