using CreditPower.Notifications.Features.Bindings;
using CreditPower.Notifications.Features.CallTasks;
using CreditPower.Notifications.Features.ContactLog;
using CreditPower.Notifications.Features.Contacts;
using CreditPower.Notifications.Features.Letters;
using CreditPower.Notifications.Features.Preferences;
using CreditPower.Notifications.Features.Receipts;
using CreditPower.Notifications.Features.Templates;
using CreditPower.ServiceDefaults.Security;

namespace CreditPower.Notifications;

internal static class NotificationsApi
{
    private static readonly string[] _readers = [Roles.Clerk, Roles.CreditOfficer, Roles.Supervisor, Roles.Admin];
    private static readonly string[] _editors = [Roles.Clerk, Roles.Supervisor, Roles.Admin];
    private static readonly string[] _frontDesk = [Roles.Clerk, Roles.CreditOfficer];

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
        api.MapPost("/callbacks/wechat-events", ReceiveWeChatEvents.Handle)
            .WithName("ReceiveWeChatEvents").WithSummary("微信公众号推送的事件（模板消息送达结果），凭 Token 签名认证")
            .RequireAuthorization(WeChatEventAuthenticationHandler.Policy);
        api.MapGet("/callbacks/wechat-events", VerifyWeChatServer.Handle)
            .WithName("VerifyWeChatServer").WithSummary("微信公众号服务器地址校验（原样返回 echostr），凭 Token 签名认证")
            .RequireAuthorization(WeChatEventAuthenticationHandler.Policy);

        // Phone-call tasks (DOMAIN.md §6): a yellow downgrade asks staff to call; no answer is retried on the next working day.
        api.MapGet("/call-tasks", ListCallTasks.Handle)
            .WithName("ListCallTasks").WithSummary("电话提醒任务列表（待拨打的按应拨时间在前，可按状态或信用主体筛选）")
            .RequireAuthorization(p => p.RequireRole(_readers));

        api.MapGet("/call-tasks/{id:guid}", GetCallTask.Handle)
            .WithName("GetCallTask").WithSummary("电话提醒任务详情（含每次拨打记录）")
            .RequireAuthorization(p => p.RequireRole(_readers));

        api.MapPost("/call-tasks/{id:guid}/attempts", RecordCallOutcome.Handle)
            .WithName("RecordCallOutcome").WithSummary("登记一次通话结果（已接通、无人接听、号码错误、拒绝沟通）")
            .RequireAuthorization(p => p.RequireRole(_frontDesk));

        // Written notice letters (书面告知函) for red and black: numbered per year, never reused.
        api.MapGet("/letters", ListLetters.Handle)
            .WithName("ListLetters").WithSummary("书面告知函列表（可只看未打印的，或某信用主体的）")
            .RequireAuthorization(p => p.RequireRole(_readers));

        api.MapGet("/letters/{id:guid}", GetLetter.Handle)
            .WithName("GetLetter").WithSummary("书面告知函详情")
            .RequireAuthorization(p => p.RequireRole(_readers));

        api.MapGet("/letters/{id:guid}/pdf", GetLetterPdf.Handle)
            .WithName("GetLetterPdf").WithSummary("书面告知函 PDF（A4，用于预览）")
            .RequireAuthorization(p => p.RequireRole(_readers));

        api.MapPost("/letters/print", PrintLetters.Handle)
            .WithName("PrintLetters").WithSummary("批量打印告知函：合成一份 PDF 并标记为已打印（不指定时打印全部未打印的）")
            .RequireAuthorization(p => p.RequireRole(_frontDesk));

        api.MapPost("/letters/{id:guid}/delivery", RecordDelivery.Handle)
            .WithName("RecordLetterDelivery").WithSummary("登记告知函送达方式（挂号信、EMS、当面送达）和发出日期")
            .RequireAuthorization(p => p.RequireRole(_frontDesk));

        api.MapPost("/letters/{id:guid}/receipt", RecordReceipt.Handle)
            .WithName("RecordLetterReceipt").WithSummary("登记告知函回执（签收人、签收日期）")
            .RequireAuthorization(p => p.RequireRole(_frontDesk));

        // Templates: every notice text, versioned; an edit adds a version.
        api.MapGet("/templates", ListTemplates.Handle)
            .WithName("ListTemplates").WithSummary("通知模板列表（当前版本及可用占位符）")
            .RequireAuthorization(p => p.RequireRole(_readers));

        api.MapGet("/templates/{code}/versions", GetTemplateVersions.Handle)
            .WithName("GetTemplateVersions").WithSummary("某通知模板的全部历史版本")
            .RequireAuthorization(p => p.RequireRole(_readers));

        api.MapPut("/templates/{code}", UpdateTemplate.Handle)
            .WithName("UpdateTemplate").WithSummary("修改通知模板（保存为新版本，旧版本保留；未知占位符将被拒绝）")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer, Roles.Admin));

        return app;
    }
}
