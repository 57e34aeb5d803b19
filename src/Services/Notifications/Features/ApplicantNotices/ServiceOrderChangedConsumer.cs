using System.Globalization;
using CreditPower.Contracts;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Features.Templates;
using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Dates;
using CreditPower.ServiceDefaults.Messaging;
using MassTransit;

namespace CreditPower.Notifications.Features.ApplicantNotices;

/// <summary>Tells the customer a value-added service order changed status (SMS and WeChat), once per change.</summary>
internal sealed class ServiceOrderChangedConsumer(NotificationsDbContext db, TemplatesInForce templatesInForce, TimeProvider clock) : IConsumer<ServiceOrderChanged>
{
    public async Task Consume(ConsumeContext<ServiceOrderChanged> context)
    {
        if (!await db.TryStartConsumingAsync<ServiceOrderChangedConsumer>(context, clock))
        {
            return;
        }

        var changed = context.Message;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["service"] = changed.ServiceName,
            ["status"] = changed.StatusName,
            ["changedDate"] = ChinaDates.Format(changed.ChangedAt),
        };
        var trigger = string.Create(CultureInfo.InvariantCulture, $"service-order:{changed.OrderId}:{changed.Status}:{changed.ChangedAt.UtcTicks}");
        await db.QueueAsync(templatesInForce, 
            changed.SubjectId, trigger, TemplateCatalog.ServiceOrderSms, TemplateCatalog.ServiceOrderWeChat, parameters,
            clock.GetUtcNow(), context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
