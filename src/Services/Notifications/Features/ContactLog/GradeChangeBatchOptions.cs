namespace CreditPower.Notifications.Features.ContactLog;

/// <summary>
/// How grade changes are gathered into batches (configuration <c>GradeChangeBatch:*</c>; bench/Pipeline tries other
/// values with <c>--set GradeChangeBatch:…</c>).
/// </summary>
public sealed class GradeChangeBatchOptions
{
    public const string SectionName = "GradeChangeBatch";

    /// <summary>The most changes one transaction applies.</summary>
    public int MessageLimit { get; set; } = 50;

    /// <summary>
    /// How long a batch waits for more changes after its first arrived. On a quiet day every change waits this long, so
    /// it stays at a few milliseconds (the pipeline's target is 25 ms from event to SMS at the median). Under load it
    /// also sizes the batches: a batch closes after this time even while the one before it is still being applied, and
    /// then waits whole, so batches grow only as long as a transaction takes less than this. With c₀ the cost of a
    /// transaction and c₁ that of one change in it, the rate kept up with is about (1 − c₀ / TimeLimit) / c₁: a longer
    /// limit carries more changes a second at the price of latency.
    /// </summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromMilliseconds(5);
}
