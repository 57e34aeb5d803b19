using System.Globalization;
using CreditPower.Contracts;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using CreditPower.Notifications.Features.CallTasks;
using CreditPower.Notifications.Features.Letters;
using CreditPower.Notifications.Features.Templates;
using CreditPower.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.ContactLog;

/// <summary>
/// Queues the reminders and warnings grade changes call for, one per trigger per channel: SMS and WeChat entries,
/// a phone-call task for yellow, a numbered notice letter for red or black. A group of changes at a time
/// (<see cref="CreditGradeChangedConsumer"/>) in one transaction, so a letter number is taken only when its letter is
/// stored.
/// </summary>
internal sealed class GradeChangeApplier(NotificationsDbContext db, LetterIssuer letters, TemplatesInForce templatesInForce, TimeProvider clock)
    : IGroupApplier<CreditGradeChanged>
{
    /// <summary>
    /// Applies <paramref name="messages"/>, in the order given (the order they were consumed in), each message once:
    /// one already in the inbox, or given twice, applies nothing the second time.
    /// </summary>
    public async Task ApplyAsync(IReadOnlyList<(Guid MessageId, CreditGradeChanged Message)> messages, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var fresh = new HashSet<Guid>(await db.TryStartConsumingAsync<CreditGradeChangedConsumer>(messages.Select(m => m.MessageId), clock, cancellationToken));
            var changes = new List<CreditGradeChanged>(fresh.Count);
            foreach (var (messageId, change) in messages)
            {
                if (fresh.Remove(messageId))
                {
                    changes.Add(change);
                }
            }

            await QueueNoticesAsync(changes, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    private async Task QueueNoticesAsync(List<CreditGradeChanged> changes, CancellationToken cancellationToken)
    {
        var wanted = changes
            .Select(change => (Change: change, Trigger: Trigger(change), Notices: GradeNotices.For(change)))
            .Where(c => c.Notices.Count > 0)
            .ToList();
        if (wanted.Count == 0)
        {
            // Nothing to send; the inbox rows still record that the messages were seen.
            return;
        }

        var keys = wanted.SelectMany(c => c.Notices.Select(n => ContactEntries.DedupeKey(c.Trigger, n.Channel))).Distinct().ToList();
        var queued = (await db.ContactLog.Where(e => keys.Contains(e.DedupeKey)).Select(e => e.DedupeKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var templates = await templatesInForce.GetAsync(db, cancellationToken);

        foreach (var (change, trigger, notices) in wanted)
        {
            var parameters = GradeNotices.Parameters(change);
            var now = clock.GetUtcNow();
            foreach (var notice in notices)
            {
                // Queued before (a republished change), or by an earlier message of this batch with the same trigger.
                if (!queued.Add(ContactEntries.DedupeKey(trigger, notice.Channel)))
                {
                    continue;
                }

                var template = templates[notice.TemplateCode];
                switch (notice.Channel)
                {
                    case Channel.Letter:
                        await letters.IssueAsync(db, change, trigger, templates, now, cancellationToken);
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
        }
    }

    private static string Trigger(CreditGradeChanged change) =>
        string.Create(CultureInfo.InvariantCulture, $"grade:{change.SubjectId}:{change.NewColour}:{change.EffectiveAt.UtcTicks}");
}
