using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Data;
using CreditPower.ServiceDefaults.Messaging;
using CreditPower.ValueAdded.Data;
using CreditPower.ValueAdded.Features.Eligibility;

namespace CreditPower.ValueAdded;

internal static class ValueAddedServices
{
    public static IHostApplicationBuilder AddValueAddedServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ValueAddedDbContext>(ResourceNames.ValueAddedDb);
        builder.AddMessaging<ValueAddedDbContext>(ResourceNames.ValueAdded, bus => bus.AddConsumer<CreditGradeChangedConsumer>());
        return builder;
    }
}
