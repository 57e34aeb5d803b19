namespace CreditPower.Bench.Pipeline;

/// <summary>The consumer's read model: one row per subject, inserted by its first message and updated by the rest.</summary>
public sealed class ProbeState
{
    public Guid SubjectId { get; init; }
    public int Score { get; set; }
    public int LastSequence { get; set; }
    public DateTimeOffset EffectiveAt { get; set; }
}
