using CreditPower.Contracts;
using CreditPower.ServiceDefaults.Messaging;
using MassTransit;

namespace CreditPower.Notifications.Features.ContactLog;

/// <summary>
/// Hands each grade change to the group commit (<see cref="GroupCommit{TMessage, TApplier}"/>), which applies it with
/// the changes consumed meanwhile in one transaction (<see cref="GradeChangeApplier"/>); the message is acknowledged
/// once that transaction has committed.
/// </summary>
/// <remarks>
/// A change that cannot be applied fails its group, which is then applied change by change: only that change fails,
/// goes through the endpoint's retries (ServiceDefaults' <c>AddMessaging</c>) and on to the <c>_error</c> queue. A
/// retried change may be applied after later changes of its subject; each change's notices stand on their own (keyed
/// by its trigger), so that order does not matter.
/// </remarks>
internal sealed class CreditGradeChangedConsumer(GroupCommit<CreditGradeChanged, GradeChangeApplier> groups) : IConsumer<CreditGradeChanged>
{
    public Task Consume(ConsumeContext<CreditGradeChanged> context) =>
        groups.Submit(context.MessageId ?? throw new InvalidOperationException("A consumed message has no MessageId."), context.Message)
            .WaitAsync(context.CancellationToken);
}
