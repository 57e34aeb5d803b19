using CreditPower.Contracts;
using CreditPower.Notifications.Channels;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Features.ApplicantNotices;
using CreditPower.Notifications.Features.ContactLog;
using CreditPower.Notifications.Features.Contacts;
using CreditPower.Notifications.Features.Dispatch;
using CreditPower.Notifications.Features.Letters;
using CreditPower.Notifications.Features.Receipts;
using CreditPower.Notifications.Features.Templates;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Data;
using CreditPower.ServiceDefaults.Dates;
using CreditPower.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;

namespace CreditPower.Notifications;

internal static class NotificationsServices
{
    public static IHostApplicationBuilder AddNotificationsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext>(ResourceNames.NotificationsDb);
        // The dispatcher claims through the partial index of queued SMS and WeChat entries (ContactLogEntryConfiguration).
        builder.AddQueueTable<NotificationsDbContext>(ContactLogEntryConfiguration.Table);
        builder.AddWorkingDayCalendar();
        builder.Services.AddOptions<LetterOptions>().BindConfiguration(LetterOptions.SectionName);
        builder.Services.AddSingleton<LetterIssuer>();
        builder.Services.AddSingleton<TemplatesInForce>();
        builder.Services.AddSingleton<LetterPdfRenderer>();
        builder.Services.AddOptions<GradeChangeBatchOptions>().BindConfiguration(GradeChangeBatchOptions.SectionName)
            .Validate(o => o.MessageLimit is >= 1 and <= 1000
                    && (o.Linger == TimeSpan.Zero || (o.Linger >= TimeSpan.FromMilliseconds(1) && o.Linger <= TimeSpan.FromSeconds(1))),
                "GradeChangeBatch: MessageLimit must be 1–1000, and Linger 0 or from 1 ms to 1 s (a timer cannot wait less than 1 ms).")
            .ValidateOnStart();
        // Holds the WeChat access token all replicas share, the refresh lock and the providers' rate buckets.
        builder.AddRedisClient(ResourceNames.Redis, settings => settings.DisableTracing = true);
        builder.AddMessaging<NotificationsDbContext>(ResourceNames.Notifications, bus =>
        {
            bus.AddGroupCommitConsumer<CreditGradeChangedConsumer, CreditGradeChangedConsumerDefinition, CreditGradeChanged, GradeChangeApplier>(
                services => services.GetRequiredService<IOptions<GradeChangeBatchOptions>>().Value.Limits);
            bus.AddConsumer<SubjectProfileChangedConsumer>();
            bus.AddConsumer<ApplicationSubmittedConsumer>();
            bus.AddConsumer<ApplicationStageChangedConsumer>();
            bus.AddConsumer<ServiceOrderChangedConsumer>();
        });
        builder.AddChannels();
        builder.AddDispatch();
        builder.AddReceiptCallbackAuthentication();
        return builder;
    }
}
