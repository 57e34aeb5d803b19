using CreditPower.Notifications.Data;
using CreditPower.Notifications.Features.ApplicantNotices;
using CreditPower.Notifications.Features.ContactLog;
using CreditPower.Notifications.Features.Letters;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Data;
using CreditPower.ServiceDefaults.Messaging;

namespace CreditPower.Notifications;

internal static class NotificationsServices
{
    public static IHostApplicationBuilder AddNotificationsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext>(ResourceNames.NotificationsDb);
        builder.Services.AddOptions<LetterOptions>().BindConfiguration(LetterOptions.SectionName);
        builder.Services.AddSingleton<LetterIssuer>();
        builder.Services.AddSingleton<LetterPdfRenderer>();
        builder.AddMessaging<NotificationsDbContext>(ResourceNames.Notifications, bus =>
        {
            bus.AddConsumer<CreditGradeChangedConsumer>();
            bus.AddConsumer<ApplicationSubmittedConsumer>();
            bus.AddConsumer<ApplicationStageChangedConsumer>();
            bus.AddConsumer<ServiceOrderChangedConsumer>();
        });
        return builder;
    }
}
