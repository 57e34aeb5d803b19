using CreditPower.Notifications.Channels;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.Dispatch;

/// <summary>
/// Whom an entry goes to, decided at send time from what is known then: the mobile from the contact read model, the
/// openid from the WeChat binding, unless the customer switched the channel off. When there is no one to send to,
/// the refusal says why — retry later while the profile may still be on its way, permanent otherwise.
/// </summary>
internal static class Recipients
{
    public sealed record Recipient(string? To, string? Masked, SendResult? Refusal);

    /// <summary>What is known of a subject's reach: its contact's mobile, its WeChat openid, the channels it switched off.</summary>
    public sealed class Reach
    {
        public Guid SubjectId { get; init; }
        public bool HasContact { get; init; }
        public string? Mobile { get; init; }
        public string? OpenId { get; init; }
        public bool? SmsEnabled { get; init; }
        public bool? WeChatEnabled { get; init; }
    }

    /// <summary>
    /// The reach of each of <paramref name="subjects"/>, read from the contact read model, the WeChat bindings and the
    /// channel preferences in one round trip (a dispatch round is on every SMS's path).
    /// </summary>
    public static async Task<Dictionary<Guid, Reach>> LookUpAsync(NotificationsDbContext db, Guid[] subjects, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<Reach>(
                $"""
                SELECT s.id AS "SubjectId", c."SubjectId" IS NOT NULL AS "HasContact", c."Mobile", b."OpenId", p."SmsEnabled", p."WeChatEnabled"
                FROM unnest({subjects}) AS s(id)
                LEFT JOIN subject_contacts c ON c."SubjectId" = s.id
                LEFT JOIN wechat_bindings b ON b."SubjectId" = s.id
                LEFT JOIN channel_preferences p ON p."SubjectId" = s.id
                """)
            .ToDictionaryAsync(r => r.SubjectId, cancellationToken);

    public static Recipient Resolve(ContactLogEntry entry, Reach? reach) =>
        entry.Channel switch
        {
            Channel.Sms when reach is { SmsEnabled: false } => Refused(SendResult.Permanent("客户已关闭短信通知")),
            Channel.Sms when reach is not { HasContact: true } => Refused(SendResult.RetryLater("尚未收到该客户的联系方式")),
            Channel.Sms when string.IsNullOrEmpty(reach.Mobile) => Refused(SendResult.Permanent("客户未登记手机号码")),
            Channel.Sms => new(reach.Mobile, PersonalData.MaskMobile(reach.Mobile), null),
            Channel.WeChat when reach is { WeChatEnabled: false } => Refused(SendResult.Permanent("客户已关闭微信通知")),
            Channel.WeChat when string.IsNullOrEmpty(reach?.OpenId) => Refused(SendResult.Permanent("客户未绑定微信公众号")),
            Channel.WeChat => new(reach.OpenId, MaskOpenId(reach.OpenId), null),
            _ => throw new InvalidOperationException($"{entry.Channel} is not sent by the dispatcher."),
        };

    public static string MaskOpenId(string openId) => openId.Length <= 8 ? new string('*', openId.Length) : string.Concat(openId.AsSpan(0, 6), "****", openId.AsSpan(openId.Length - 2));

    private static Recipient Refused(SendResult refusal) => new(null, null, refusal);
}
