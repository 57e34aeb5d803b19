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
    /// How long a change waits for others when nothing else is waiting; under load none waits. None by default: the
    /// changes of one billing batch arrive within a millisecond of each other, and those after the first join the next
    /// group while the first is applied. A linger is waited for by a timer, which counts whole milliseconds, so it is 0 or
    /// at least 1 ms: the "1 ms" this was before never waited (Task.Delay rounds a wait under 1 ms down to none), and
    /// waits of 2 and 5 ms added to every fact's median at 500 facts a second (bench/Pipeline <c>--full-path</c>).
    /// </summary>
    public TimeSpan Linger { get; set; } = TimeSpan.Zero;

    public GroupCommitLimits Limits => new(MessageLimit, Linger);
}
