using CreditPower.Notifications.Features.CallTasks;
using CreditPower.Notifications.Features.ContactLog;
using CreditPower.Notifications.Features.Letters;
using CreditPower.Notifications.Features.Templates;
using CreditPower.ServiceDefaults.Security;

namespace CreditPower.Notifications;

internal static class NotificationsApi
{
    private static readonly string[] _staff = [Roles.Clerk, Roles.CreditOfficer, Roles.Supervisor, Roles.Admin];
    private static readonly string[] _frontDesk = [Roles.Clerk, Roles.CreditOfficer];

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Notifications");

        api.MapGet("/subjects/{subjectId:guid}/contact-log", GetContactLog.Handle)
            .WithName("GetContactLog").WithSummary("某信用主体的联系记录（短信、微信、电话、告知函）")
            .RequireAuthorization(p => p.RequireRole(_staff));

        // Phone-call tasks (DOMAIN.md §6): a yellow downgrade asks staff to call; no answer is retried on the next working day.
        api.MapGet("/call-tasks", ListCallTasks.Handle)
            .WithName("ListCallTasks").WithSummary("电话提醒任务列表（待拨打的按应拨时间在前，可按状态或信用主体筛选）")
            .RequireAuthorization(p => p.RequireRole(_staff));

        api.MapGet("/call-tasks/{id:guid}", GetCallTask.Handle)
            .WithName("GetCallTask").WithSummary("电话提醒任务详情（含每次拨打记录）")
            .RequireAuthorization(p => p.RequireRole(_staff));

        api.MapPost("/call-tasks/{id:guid}/attempts", RecordCallOutcome.Handle)
            .WithName("RecordCallOutcome").WithSummary("登记一次通话结果（已接通、无人接听、号码错误、拒绝沟通）")
            .RequireAuthorization(p => p.RequireRole(_frontDesk));

        // Written notice letters (书面告知函) for red and black: numbered per year, never reused.
        api.MapGet("/letters", ListLetters.Handle)
            .WithName("ListLetters").WithSummary("书面告知函列表（可只看未打印的，或某信用主体的）")
            .RequireAuthorization(p => p.RequireRole(_staff));

        api.MapGet("/letters/{id:guid}", GetLetter.Handle)
            .WithName("GetLetter").WithSummary("书面告知函详情")
            .RequireAuthorization(p => p.RequireRole(_staff));

        api.MapGet("/letters/{id:guid}/pdf", GetLetterPdf.Handle)
            .WithName("GetLetterPdf").WithSummary("书面告知函 PDF（A4，用于预览）")
            .RequireAuthorization(p => p.RequireRole(_staff));

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
            .RequireAuthorization(p => p.RequireRole(_staff));

        api.MapGet("/templates/{code}/versions", GetTemplateVersions.Handle)
            .WithName("GetTemplateVersions").WithSummary("某通知模板的全部历史版本")
            .RequireAuthorization(p => p.RequireRole(_staff));

        api.MapPut("/templates/{code}", UpdateTemplate.Handle)
            .WithName("UpdateTemplate").WithSummary("修改通知模板（保存为新版本，旧版本保留；未知占位符将被拒绝）")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer, Roles.Admin));

        return app;
    }
}
