namespace CreditPower.Grading.Domain;

/// <summary>
/// One subject-id range of a <see cref="ReevaluationRun"/>: replicas claim ranges one at a time, and a range is
/// marked finished in the same transaction that applies its grades, so no range is applied twice.
/// </summary>
public sealed class ReevaluationPartition
{
    public Guid RunId { get; init; }
    public int Partition { get; init; }

    /// <summary>How many ranges the run was cut into; with <see cref="Partition"/> it gives the id range.</summary>
    public int Of { get; init; }

    public long Done { get; set; }
    public long Changed { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
