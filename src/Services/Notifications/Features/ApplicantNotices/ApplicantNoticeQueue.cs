using CreditPower.Contracts;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using CreditPower.Notifications.Features.ContactLog;
using CreditPower.Notifications.Features.Templates;
using CreditPower.ServiceDefaults.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.ApplicantNotices;

/// <summary>Queues an SMS and a WeChat notice for one trigger, skipping a channel that already has its notice.</summary>
internal static class ApplicantNoticeQueue
{
    public static async Task QueueAsync(
        this NotificationsDbContext db, TemplatesInForce templatesInForce, Guid subjectId, string trigger, string smsTemplate, string weChatTemplate,
        Dictionary<string, string> parameters, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var (channel, template) in await MissingAsync(db, templatesInForce, trigger, smsTemplate, weChatTemplate, cancellationToken))
        {
            db.ContactLog.Add(ContactEntries.Queue(subjectId, channel, trigger, template, parameters, now));
        }
    }

    /// <summary>
    /// Queues a notice to an applicant. An application event without a subject id (Applications did not know the
    /// applicant yet) finds the subject by the applicant's identifier in the contact read model. When no profile has that
    /// identifier, the applicant is not registered in Grading and there is nobody to send to: the notice is recorded as
    /// failed with the reason, never retried, and joins the subject's contact log if the applicant is registered later.
    /// </summary>
    public static async Task QueueForApplicantAsync(
        this NotificationsDbContext db, TemplatesInForce templatesInForce, Guid subjectId, SubjectKind kind, string identifier, string trigger, string smsTemplate,
        string weChatTemplate, Dictionary<string, string> parameters, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (subjectId == Guid.Empty)
        {
            subjectId = await db.SubjectContacts.AsNoTracking()
                .Where(c => c.Identifier == identifier)
                .OrderByDescending(c => c.ChangedAt)
                .Select(c => c.SubjectId)
                .FirstOrDefaultAsync(cancellationToken);
        }

        if (subjectId != Guid.Empty)
        {
            await db.QueueAsync(templatesInForce, subjectId, trigger, smsTemplate, weChatTemplate, parameters, now, cancellationToken);
            return;
        }

        var reason = $"申请人（{IdentifierLabel(kind, identifier)}）尚未登记为信用主体，没有可用的联系方式，本条通知无法发送。";
        foreach (var (channel, template) in await MissingAsync(db, templatesInForce, trigger, smsTemplate, weChatTemplate, cancellationToken))
        {
            var entry = ContactEntries.Queue(Guid.Empty, channel, trigger, template, parameters, now);
            entry.Status = ContactStatus.Failed;
            entry.LastError = reason;
            entry.Identifier = identifier;
            db.ContactLog.Add(entry);
        }
    }

    private static string IdentifierLabel(SubjectKind kind, string identifier) => kind == SubjectKind.NaturalPerson
        ? $"身份证号 {PersonalData.MaskIdentifier(identifier)}"
        : $"统一社会信用代码 {identifier}";

    private static async Task<List<(Channel Channel, NoticeTemplate Template)>> MissingAsync(
        NotificationsDbContext db, TemplatesInForce templatesInForce, string trigger, string smsTemplate, string weChatTemplate,
        CancellationToken cancellationToken)
    {
        (Channel Channel, string Code)[] notices = [(Channel.Sms, smsTemplate), (Channel.WeChat, weChatTemplate)];
        var keys = notices.Select(n => ContactEntries.DedupeKey(trigger, n.Channel)).ToList();
        var existing = await db.ContactLog.Where(e => keys.Contains(e.DedupeKey)).Select(e => e.DedupeKey).ToListAsync(cancellationToken);
        var missing = notices.Where(n => !existing.Contains(ContactEntries.DedupeKey(trigger, n.Channel))).ToList();
        if (missing.Count == 0)
        {
            return [];
        }

        var templates = await templatesInForce.GetAsync(db, cancellationToken);
        return [.. missing.Select(n => (n.Channel, templates[n.Code]))];
    }
}
