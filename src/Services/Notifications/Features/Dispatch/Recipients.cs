using CreditPower.Notifications.Channels;
using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Subjects;

namespace CreditPower.Notifications.Features.Dispatch;

/// <summary>
/// Whom an entry goes to, decided at send time from what is known then: the mobile from the contact read model, the
/// openid from the WeChat binding, unless the customer switched the channel off. When there is no one to send to,
/// the refusal says why — retry later while the profile may still be on its way, permanent otherwise.
/// </summary>
internal static class Recipients
{
    public sealed record Recipient(string? To, string? Masked, SendResult? Refusal);

    public static Recipient Resolve(ContactLogEntry entry, SubjectContact? contact, WeChatBinding? binding, ChannelPreference? preference) =>
        entry.Channel switch
        {
            Channel.Sms when preference is { SmsEnabled: false } => Refused(SendResult.Permanent("客户已关闭短信通知")),
            Channel.Sms when contact is null => Refused(SendResult.RetryLater("尚未收到该客户的联系方式")),
            Channel.Sms when string.IsNullOrEmpty(contact.Mobile) => Refused(SendResult.Permanent("客户未登记手机号码")),
            Channel.Sms => new(contact.Mobile, PersonalData.MaskMobile(contact.Mobile), null),
            Channel.WeChat when preference is { WeChatEnabled: false } => Refused(SendResult.Permanent("客户已关闭微信通知")),
            Channel.WeChat when binding is null => Refused(SendResult.Permanent("客户未绑定微信公众号")),
            Channel.WeChat => new(binding.OpenId, MaskOpenId(binding.OpenId), null),
            _ => throw new InvalidOperationException($"{entry.Channel} is not sent by the dispatcher."),
        };

    public static string MaskOpenId(string openId) => openId.Length <= 8 ? new string('*', openId.Length) : string.Concat(openId.AsSpan(0, 6), "****", openId.AsSpan(openId.Length - 2));

    private static Recipient Refused(SendResult refusal) => new(null, null, refusal);
}
