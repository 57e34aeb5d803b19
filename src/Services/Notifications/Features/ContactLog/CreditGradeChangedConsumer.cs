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
/// Queues the reminders and warnings grade changes call for, one per trigger per channel: SMS and WeChat entries,
/// a phone-call task for yellow, a numbered notice letter for red or black. A batch of changes at a time
/// (<see cref="CreditGradeChangedConsumerDefinition"/>) in one transaction, so a letter number is taken only when its
/// letter is stored.
/// </summary>
/// <remarks>
/// A change that cannot be applied fails its whole batch, and MassTransit then fails each message of it. The endpoint
/// retries every message on its own (ServiceDefaults' <c>AddMessaging</c>), and MassTransit hands a retried message over
/// as a batch of one: the batch-mates commit on their first retry, and only the message that keeps failing reaches the
/// <c>_error</c> queue. Catching the failure here to apply the rest one by one would commit them sooner, but would
/// either hide the bad message from the <c>_error</c> queue or need the retries anyway; a poison message is rare, the
/// retry's fraction of a second is not worth a second path. Those retried messages may be applied after later changes
/// of their subjects; each change's notices stand on their own (keyed by its trigger), so that order does not matter.
/// </remarks>
internal sealed class CreditGradeChangedConsumer(NotificationsDbContext db, LetterIssuer letters, TemplatesInForce templatesInForce, TimeProvider clock)
    : IConsumer<Batch<CreditGradeChanged>>
{
    public Task Consume(ConsumeContext<Batch<CreditGradeChanged>> context) =>
        ApplyAsync(
            [.. context.Message.Select(m => (m.MessageId ?? throw new InvalidOperationException("A consumed message has no MessageId."), m.Message))],
            context.CancellationToken);

    /// <summary>
    /// Applies <paramref name="messages"/>, in the order given (the order the broker delivered them), each message once:
    /// one already in the inbox, or given twice, applies nothing the second time.
    /// </summary>
    internal async Task ApplyAsync(IReadOnlyList<(Guid MessageId, CreditGradeChanged Change)> messages, CancellationToken cancellationToken)
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
