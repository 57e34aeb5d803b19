using CreditPower.Contracts;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Features.Templates;
using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Dates;
using CreditPower.ServiceDefaults.Messaging;
using MassTransit;

namespace CreditPower.Notifications.Features.ApplicantNotices;

/// <summary>Tells the applicant a connection application was taken (SMS and WeChat), once per application.</summary>
internal sealed class ApplicationSubmittedConsumer(NotificationsDbContext db, TemplatesInForce templatesInForce, TimeProvider clock) : IConsumer<ApplicationSubmitted>
{
    public async Task Consume(ConsumeContext<ApplicationSubmitted> context)
    {
        if (!await db.TryStartConsumingAsync<ApplicationSubmittedConsumer>(context, clock))
        {
            return;
        }

        var submitted = context.Message;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = submitted.ApplicantName,
            ["applicationType"] = submitted.ApplicationTypeName,
            ["submittedDate"] = ChinaDates.Format(submitted.SubmittedAt),
            ["greenChannel"] = submitted.GreenChannel ? "，已纳入绿色通道优先办理" : "",
        };
        await db.QueueForApplicantAsync(templatesInForce, 
            submitted.SubjectId, submitted.SubjectKind, submitted.Identifier, $"application-submitted:{submitted.ApplicationId}",
            TemplateCatalog.ApplicationSubmittedSms, TemplateCatalog.ApplicationSubmittedWeChat, parameters, clock.GetUtcNow(), context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
