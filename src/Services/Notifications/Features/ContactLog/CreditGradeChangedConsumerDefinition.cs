using MassTransit;
using Microsoft.Extensions.Options;

namespace CreditPower.Notifications.Features.ContactLog;

/// <summary>
/// Grade changes are applied in batches, one transaction each: at 300–500 changes a second a transaction per change was
/// the bottleneck of the pipeline from events to SMS (bench/Pipeline <c>--full-path</c>).
/// </summary>
internal sealed class CreditGradeChangedConsumerDefinition(IOptions<GradeChangeBatchOptions> options) : ConsumerDefinition<CreditGradeChangedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<CreditGradeChangedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        var batch = options.Value;

        // A batch holds only messages the broker has handed over and not yet had acknowledged, and each one takes a slot
        // of the endpoint's concurrency while it waits. Room for two batches — the one being applied and the next one
        // filling meanwhile — so the broker keeps delivering during a commit (MassTransit's own default leaves room for one).
        endpointConfigurator.PrefetchCount = 2 * batch.MessageLimit;
        endpointConfigurator.ConcurrentMessageLimit = 2 * batch.MessageLimit;

        consumerConfigurator.Options<BatchOptions>(o => o
            .SetMessageLimit(batch.MessageLimit)
            .SetTimeLimit(batch.TimeLimit)
            // From the first message, not the last: a steady stream would otherwise keep a batch open until it is full.
            .SetTimeLimitStart(BatchTimeLimitStart.FromFirst)
            // One batch at a time: with the subject partition left off this endpoint (AddBatchConsumer), this is what
            // keeps two changes of one subject from being applied side by side or out of order.
            .SetConcurrencyLimit(1));
    }
}
