using MassTransit;
using Microsoft.Extensions.Options;

namespace CreditPower.Notifications.Features.ContactLog;

/// <summary>
/// Grade changes are applied in groups, one transaction each: at 300–500 changes a second a transaction per change was
/// the bottleneck of the pipeline from events to SMS (bench/Pipeline <c>--full-path</c>).
/// </summary>
internal sealed class CreditGradeChangedConsumerDefinition(IOptions<GradeChangeBatchOptions> options) : ConsumerDefinition<CreditGradeChangedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<CreditGradeChangedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // Every change waiting for its group holds a slot of the endpoint's concurrency until the group commits. Room
        // for two groups — the one being applied and the next one gathering meanwhile — so the broker keeps delivering
        // during a commit.
        var slots = 2 * options.Value.MessageLimit;
        endpointConfigurator.PrefetchCount = slots;
        endpointConfigurator.ConcurrentMessageLimit = slots;
    }
}
