using CreditPower.ServiceDefaults.Messaging;

namespace CreditPower.Notifications.Features.ContactLog;

/// <summary>
/// How grade changes are gathered into the groups one transaction applies (configuration <c>GradeChangeBatch:*</c>;
/// bench/Pipeline tries other values with <c>--set GradeChangeBatch:…</c>; <see cref="GroupCommit{TMessage, TApplier}"/>).
/// </summary>
public sealed class GradeChangeBatchOptions
{
    public const string SectionName = "GradeChangeBatch";

    /// <summary>The most changes one transaction applies.</summary>
    public int MessageLimit { get; set; } = 50;

    /// <summary>
    /// How long a change waits for others when nothing else is waiting; under load none waits. Each change of a quiet
    /// day waits this long, so it stays short (the pipeline's target is 25 ms from event to SMS at the median). The
    /// changes of one billing batch arrive within a millisecond of each other, so 1 ms still lets them share a
    /// transaction; 5 ms added about 3 ms to every fact's median at 500 facts a second (bench/Pipeline <c>--full-path</c>).
    /// </summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(1);

    public GroupCommitLimits Limits => new(MessageLimit, Linger);
}
