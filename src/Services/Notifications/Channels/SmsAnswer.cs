namespace CreditPower.Notifications.Channels;

/// <summary>SendSms's answer: <c>{RequestId, Code, Message, BizId}</c>; Code "OK" means accepted.</summary>
internal sealed record SmsAnswer(string? RequestId, string? Code, string? Message, string? BizId);
