using CreditPower.Applications.Data;
using CreditPower.Applications.Features.GreenChannel;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Data;
using CreditPower.ServiceDefaults.Messaging;

namespace CreditPower.Applications;

internal static class ApplicationsServices
{
    public static IHostApplicationBuilder AddApplicationsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ApplicationsDbContext>(ResourceNames.ApplicationsDb);
        builder.AddMessaging<ApplicationsDbContext>(ResourceNames.Applications, bus => bus.AddConsumer<CreditGradeChangedConsumer>());
        return builder;
    }
}
