namespace CreditPower.Grading.Domain;

/// <summary>
/// One subject-id range of a <see cref="ReevaluationRun"/>: replicas claim ranges one at a time, and a range is
/// marked finished in the same transaction that applies its grades, so no range is applied twice.
/// </summary>
public sealed class ReevaluationPartition
{
    public Guid RunId { get; init; }
    public int Partition { get; init; }

    /// <summary>How many ranges the run was cut into (fewer than configured when there are fewer subjects).</summary>
    public int Of { get; init; }

    /// <summary>
    /// The lowest subject id in the range (inclusive); null for the first. The bounds are quantiles of the ids when the
    /// run started, so the ranges hold about as many subjects each, and stored so every replica works the same ones.
    /// </summary>
    public Guid? From { get; init; }

    /// <summary>The first subject id past the range (exclusive); null for the last, which takes subjects registered since.</summary>
    public Guid? To { get; init; }

    public long Done { get; set; }
    public long Changed { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
