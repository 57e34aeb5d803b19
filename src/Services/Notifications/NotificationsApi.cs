using CreditPower.Notifications.Features.Bindings;
using CreditPower.Notifications.Features.ContactLog;
using CreditPower.Notifications.Features.Contacts;
using CreditPower.Notifications.Features.Preferences;
using CreditPower.Notifications.Features.Receipts;
using CreditPower.ServiceDefaults.Security;

namespace CreditPower.Notifications;

internal static class NotificationsApi
{
    private static readonly string[] _readers = [Roles.Clerk, Roles.CreditOfficer, Roles.Supervisor, Roles.Admin];
    private static readonly string[] _editors = [Roles.Clerk, Roles.Supervisor, Roles.Admin];

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Notifications");

        api.MapGet("/subjects/{subjectId:guid}/contact-log", GetContactLog.Handle)
            .WithName("GetContactLog").WithSummary("某信用主体的联系记录（短信、微信、电话、告知函）")
            .RequireAuthorization(p => p.RequireRole(_readers));
        api.MapGet("/subjects/{subjectId:guid}/contact", GetContact.Handle)
            .WithName("GetSubjectContact").WithSummary("通知所用的客户联系方式（手机号脱敏）")
            .RequireAuthorization(p => p.RequireRole(_readers));

        api.MapGet("/subjects/{subjectId:guid}/wechat-binding", GetWeChatBinding.Handle)
            .WithName("GetWeChatBinding").WithSummary("客户的微信公众号绑定（openid 脱敏）")
            .RequireAuthorization(p => p.RequireRole(_readers));
        api.MapPut("/subjects/{subjectId:guid}/wechat-binding", BindWeChat.Handle)
            .WithName("BindWeChat").WithSummary("绑定客户的微信 openid 并记录同意时间")
            .RequireAuthorization(p => p.RequireRole(_editors));
        api.MapDelete("/subjects/{subjectId:guid}/wechat-binding", UnbindWeChat.Handle)
            .WithName("UnbindWeChat").WithSummary("解除客户的微信绑定")
            .RequireAuthorization(p => p.RequireRole(_editors));

        api.MapGet("/subjects/{subjectId:guid}/channel-preferences", GetChannelPreferences.Handle)
            .WithName("GetChannelPreferences").WithSummary("客户的通知渠道偏好（短信、微信）")
            .RequireAuthorization(p => p.RequireRole(_readers));
        api.MapPut("/subjects/{subjectId:guid}/channel-preferences", SetChannelPreferences.Handle)
            .WithName("SetChannelPreferences").WithSummary("设置客户是否接收短信、微信通知")
            .RequireAuthorization(p => p.RequireRole(_editors));

        api.MapPost("/callbacks/sms-reports", ReceiveSmsReports.Handle)
            .WithName("ReceiveSmsReports").WithSummary("短信服务商推送的状态报告（回执），凭回调地址中的令牌认证")
            .RequireAuthorization(ReceiptCallbackAuthenticationHandler.Policy);

        return app;
    }
}
