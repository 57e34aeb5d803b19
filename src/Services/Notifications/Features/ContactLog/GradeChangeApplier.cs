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
            var candidates = messages.Select(m => new Wanted(m.Message, Trigger(m.Message), GradeNotices.For(m.Message))).ToList();
            // The entries queued before (a republished change) read with the inbox, in one round trip: this transaction is on
            // every SMS's path.
            var keys = candidates.SelectMany(w => w.Notices.Select(n => ContactEntries.DedupeKey(w.Trigger, n.Channel))).Distinct().ToList();
            var (fresh, queued) = await db.TryStartConsumingAsync<CreditGradeChangedConsumer>(
                messages.Select(m => m.MessageId), db.ContactLog.Where(e => keys.Contains(e.DedupeKey)).Select(e => e.DedupeKey), clock, cancellationToken);
            var unapplied = fresh.ToHashSet();
            var wanted = new List<Wanted>(unapplied.Count);
            for (var i = 0; i < messages.Count; i++)
            {
                if (unapplied.Remove(messages[i].MessageId) && candidates[i].Notices.Count > 0)
                {
                    wanted.Add(candidates[i]);
                }
            }

            await QueueNoticesAsync(wanted, new HashSet<string>(queued, StringComparer.Ordinal), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    private async Task QueueNoticesAsync(List<Wanted> wanted, HashSet<string> queued, CancellationToken cancellationToken)
    {
        if (wanted.Count == 0)
        {
            // Nothing to send; the inbox rows still record that the messages were seen.
            return;
        }

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

    private sealed record Wanted(CreditGradeChanged Change, string Trigger, IReadOnlyList<GradeNotices.Notice> Notices);

    private static string Trigger(CreditGradeChanged change) =>
        string.Create(CultureInfo.InvariantCulture, $"grade:{change.SubjectId}:{change.NewColour}:{change.EffectiveAt.UtcTicks}");
}
