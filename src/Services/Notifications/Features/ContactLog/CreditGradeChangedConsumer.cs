using System.Globalization;
using CreditPower.Contracts;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.ContactLog;

/// <summary>Queues the reminders and warnings a grade change calls for, one per trigger per channel.</summary>
internal sealed class CreditGradeChangedConsumer(NotificationsDbContext db, TimeProvider clock) : IConsumer<CreditGradeChanged>
{
    public async Task Consume(ConsumeContext<CreditGradeChanged> context)
    {
        if (!await db.TryStartConsumingAsync<CreditGradeChangedConsumer>(context, clock))
        {
            return;
        }

        var change = context.Message;
        var trigger = string.Create(CultureInfo.InvariantCulture, $"grade:{change.SubjectId}:{change.NewColour}:{change.EffectiveAt.UtcTicks}");
        var notices = GradeNotices.For(change);
        var parameters = GradeNotices.Parameters(change);
        var keys = notices.Select(n => $"{trigger}:{n.Channel}").ToList();
        var existing = await db.ContactLog.Where(e => keys.Contains(e.DedupeKey)).Select(e => e.DedupeKey).ToListAsync(context.CancellationToken);

        foreach (var notice in notices.Where(n => !existing.Contains($"{trigger}:{n.Channel}")))
        {
            db.ContactLog.Add(new ContactLogEntry
            {
                Id = Guid.CreateVersion7(),
                SubjectId = change.SubjectId,
                Channel = notice.Channel,
                Trigger = trigger,
                DedupeKey = $"{trigger}:{notice.Channel}",
                TemplateCode = notice.TemplateCode,
                Content = notice.Content,
                Parameters = new Dictionary<string, string>(parameters),
                Status = ContactStatus.Queued,
                CreatedAt = clock.GetUtcNow(),
                NextAttemptAt = clock.GetUtcNow(),
            });
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
