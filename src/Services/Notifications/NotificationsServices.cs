using CreditPower.Notifications.Data;
using CreditPower.Notifications.Features.ContactLog;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Data;
using CreditPower.ServiceDefaults.Messaging;

namespace CreditPower.Notifications;

internal static class NotificationsServices
{
    public static IHostApplicationBuilder AddNotificationsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext>(ResourceNames.NotificationsDb);
        builder.AddMessaging<NotificationsDbContext>(ResourceNames.Notifications, bus => bus.AddConsumer<CreditGradeChangedConsumer>());
        return builder;
    }
}
