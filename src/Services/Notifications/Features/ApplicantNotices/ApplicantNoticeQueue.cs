using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using CreditPower.Notifications.Features.ContactLog;
using CreditPower.Notifications.Features.Templates;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.ApplicantNotices;

/// <summary>Queues an SMS and a WeChat notice for one trigger, skipping a channel that already has its notice.</summary>
internal static class ApplicantNoticeQueue
{
    public static async Task QueueAsync(
        this NotificationsDbContext db, Guid subjectId, string trigger, string smsTemplate, string weChatTemplate,
        Dictionary<string, string> parameters, DateTimeOffset now, CancellationToken cancellationToken)
    {
        (Channel Channel, string Code)[] notices = [(Channel.Sms, smsTemplate), (Channel.WeChat, weChatTemplate)];
        var keys = notices.Select(n => ContactEntries.DedupeKey(trigger, n.Channel)).ToList();
        var existing = await db.ContactLog.Where(e => keys.Contains(e.DedupeKey)).Select(e => e.DedupeKey).ToListAsync(cancellationToken);
        var missing = notices.Where(n => !existing.Contains(ContactEntries.DedupeKey(trigger, n.Channel))).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var templates = await db.LatestAsync(missing.Select(n => n.Code), cancellationToken);
        foreach (var (channel, code) in missing)
        {
            db.ContactLog.Add(ContactEntries.Queue(subjectId, channel, trigger, templates[code], parameters, now));
        }
    }
}
