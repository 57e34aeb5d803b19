using System.Globalization;
using CreditPower.Contracts;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using CreditPower.Notifications.Features.CallTasks;
using CreditPower.Notifications.Features.Letters;
using CreditPower.Notifications.Features.Templates;
using CreditPower.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.ContactLog;

/// <summary>
/// Queues the reminders and warnings a grade change calls for, one per trigger per channel: SMS and WeChat entries,
/// a phone-call task for yellow, a numbered notice letter for red or black. One transaction, so a letter number is
/// taken only when its letter is stored.
/// </summary>
internal sealed class CreditGradeChangedConsumer(NotificationsDbContext db, LetterIssuer letters, TemplatesInForce templatesInForce, TimeProvider clock) : IConsumer<CreditGradeChanged>
{
    public async Task Consume(ConsumeContext<CreditGradeChanged> context)
    {
        var change = context.Message;
        var notices = GradeNotices.For(change);
        if (notices.Count == 0)
        {
            // Nothing to send; the inbox row still records that the message was seen.
            if (await db.TryStartConsumingAsync<CreditGradeChangedConsumer>(context, clock))
            {
                await db.SaveChangesAsync(context.CancellationToken);
            }

            return;
        }

        var trigger = string.Create(CultureInfo.InvariantCulture, $"grade:{change.SubjectId}:{change.NewColour}:{change.EffectiveAt.UtcTicks}");
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
            if (!await db.TryStartConsumingAsync<CreditGradeChangedConsumer>(context, clock))
            {
                return;
            }

            var keys = notices.Select(n => ContactEntries.DedupeKey(trigger, n.Channel)).ToList();
            var existing = await db.ContactLog.Where(e => keys.Contains(e.DedupeKey)).Select(e => e.DedupeKey).ToListAsync(context.CancellationToken);
            var missing = notices.Where(n => !existing.Contains(ContactEntries.DedupeKey(trigger, n.Channel))).ToList();
            var templates = await templatesInForce.GetAsync(db, context.CancellationToken);
            var parameters = GradeNotices.Parameters(change);
            var now = clock.GetUtcNow();

            foreach (var notice in missing)
            {
                var template = templates[notice.TemplateCode];
                switch (notice.Channel)
                {
                    case Channel.Letter:
                        await letters.IssueAsync(db, change, trigger, templates, now, context.CancellationToken);
                        break;
                    case Channel.PhoneCall:
                        var call = ContactEntries.Queue(change.SubjectId, notice.Channel, trigger, template, parameters, now);
                        db.ContactLog.Add(call);
                        db.CallTasks.Add(CallTaskFactory.Open(change, trigger, call, now));
                        break;
                    default:
                        db.ContactLog.Add(ContactEntries.Queue(change.SubjectId, notice.Channel, trigger, template, parameters, now));
                        break;
                }
            }

            await db.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        });
    }
}
