using System.Globalization;
using CreditPower.Contracts;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Features.Templates;
using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Dates;
using CreditPower.ServiceDefaults.Messaging;
using MassTransit;

namespace CreditPower.Notifications.Features.ApplicantNotices;

/// <summary>Tells the applicant which stage the application entered and by when it is due (SMS and WeChat), once per stage change.</summary>
internal sealed class ApplicationStageChangedConsumer(NotificationsDbContext db, TemplatesInForce templatesInForce, TimeProvider clock) : IConsumer<ApplicationStageChanged>
{
    public async Task Consume(ConsumeContext<ApplicationStageChanged> context)
    {
        if (!await db.TryStartConsumingAsync<ApplicationStageChangedConsumer>(context, clock))
        {
            return;
        }

        var changed = context.Message;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = changed.ApplicantName,
            ["stage"] = changed.ToStageName,
            ["dueDate"] = changed.DueAt is { } due ? $"，预计 {ChinaDates.Format(due)} 前完成" : "",
            ["greenChannel"] = changed.GreenChannel ? "绿色通道" : "",
        };
        var trigger = string.Create(CultureInfo.InvariantCulture, $"application-stage:{changed.ApplicationId}:{changed.ToStage}:{changed.ChangedAt.UtcTicks}");
        await db.QueueForApplicantAsync(templatesInForce, 
            changed.SubjectId, changed.SubjectKind, changed.Identifier, trigger, TemplateCatalog.ApplicationStageSms, TemplateCatalog.ApplicationStageWeChat, parameters,
            clock.GetUtcNow(), context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
