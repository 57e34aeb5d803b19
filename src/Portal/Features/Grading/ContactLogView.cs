namespace CreditPower.Portal.Features.Grading;

/// <summary>One contact attempt from Notifications' contact log, as the archive lists it.</summary>
public sealed record ContactLogView(Guid Id, string Channel, string TemplateCode, string Content, string Status, DateTimeOffset CreatedAt)
{
    public static string ChannelName(string channel) => channel switch
    {
        "sms" => "短信",
        "weChat" => "微信",
        "phoneCall" => "电话",
        "letter" => "书面告知函",
        _ => channel,
    };

    public static string StatusName(string status) => status switch
    {
        "queued" => "待发送",
        "sent" => "已发送",
        "delivered" => "已送达",
        "failed" => "发送失败",
        "givenUp" => "已放弃",
        _ => status,
    };
}
