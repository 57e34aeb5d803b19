using CreditPower.Grading.Features.Archive;
using CreditPower.Grading.Features.AsOf;
using CreditPower.Grading.Features.BillingFeed;
using CreditPower.Grading.Features.Distribution;
using CreditPower.Grading.Features.Events;
using CreditPower.Grading.Features.Explanation;
using CreditPower.Grading.Features.Grades;
using CreditPower.Grading.Features.Import;
using CreditPower.Grading.Features.Objections;
using CreditPower.Grading.Features.Reevaluation;
using CreditPower.Grading.Features.Repairs;
using CreditPower.Grading.Features.RuleSets;
using CreditPower.Grading.Features.Subjects;
using CreditPower.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace CreditPower.Grading;

internal static class GradingApi
{
    public static IEndpointRouteBuilder MapGradingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Grading");

        api.MapPost("/subjects", RegisterSubject.Handle)
            .WithName("RegisterSubject").WithSummary("登记信用主体（校验统一社会信用代码或身份证号）")
            .RequireAuthorization(p => p.RequireRole(Roles.Clerk, Roles.CreditOfficer, Roles.Admin));

        api.MapGet("/subjects/{id:guid}", GetSubject.Handle)
            .WithName("GetSubject").WithSummary("信用主体概要（个人证件号已脱敏）")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        // Event ledger (DOMAIN.md §3): manual events wait for a second officer; upstream facts and imports count at once.
        api.MapPost("/subjects/{subjectId:guid}/events", RecordEvent.Handle)
            .WithName("RecordCreditEvent").WithSummary("人工登记信用事件（待另一名人员审批后生效）")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer, Roles.Inspector));

        api.MapGet("/events/pending", PendingEvents.Handle)
            .WithName("ListPendingEvents").WithSummary("待审批的人工信用事件（按登记时间先后）")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer, Roles.Supervisor));

        api.MapPost("/events/{eventId:guid}/approve", ApproveEvent.Handle)
            .WithName("ApproveCreditEvent").WithSummary("审批通过信用事件（审批人不能是登记人），事件生效并重新评价")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer, Roles.Supervisor));

        api.MapPost("/events/{eventId:guid}/reject", RejectEvent.Handle)
            .WithName("RejectCreditEvent").WithSummary("驳回待审批的信用事件（须填写理由）")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer, Roles.Supervisor));

        api.MapPost("/billing/facts", ReceiveBillingFacts.Handle)
            .WithName("ReceiveBillingFacts").WithSummary("营销系统推送账单数据（出账、缴费、逾期），按来源和外部编号幂等")
            .WithMetadata(new RequestSizeLimitAttribute(ReceiveBillingFacts.MaxBodyBytes))
            .RequireAuthorization(BillingFeedAuthenticationHandler.Policy);

        api.MapPost("/events/import", ImportEvents.Handle)
            .WithName("ImportCreditEvents").WithSummary("导入信用事件 CSV 文件（整体校验，有错则全部不导入；上限 50 MB）")
            .WithMetadata(new RequestSizeLimitAttribute(ImportEvents.MaxFileBytes))
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer));

        api.MapGet("/subjects/{subjectId:guid}/grade", GetGrade.Handle)
            .WithName("GetGrade").WithSummary("当前评价结果及各项理由")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        api.MapGet("/grades/lookup", LookupGrade.Handle)
            .WithName("LookupGrade").WithSummary("按统一社会信用代码、身份证号或户号查询评价（Redis 缓存）")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        api.MapGet("/grades/distribution", GetGradeDistribution.Handle)
            .WithName("GetGradeDistribution").WithSummary("各信用等级（绿、蓝、黄、红、黑）的主体数量")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        // Archive (DOMAIN.md §2): masked for all staff; the full record only for some roles, every opening audit-logged.
        api.MapGet("/subjects", SearchSubjects.Handle)
            .WithName("SearchSubjects").WithSummary("按统一社会信用代码、身份证号、名称或户号检索信用主体（分页，个人信息脱敏）")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        api.MapGet("/subjects/{id:guid}/archive", GetArchive.Handle)
            .WithName("GetSubjectArchive").WithSummary("信用档案：身份、联系方式、户号、信用事件、评价历史、异议与修复（个人信息脱敏）")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        api.MapGet("/subjects/{id:guid}/full-record", GetFullRecord.Handle)
            .WithName("GetSubjectFullRecord").WithSummary("完整信用档案（不脱敏，每次查看均记入审计日志）")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer, Roles.Supervisor, Roles.Admin));

        api.MapGet("/subjects/{id:guid}/audit", GetAuditLog.Handle)
            .WithName("GetSubjectAuditLog").WithSummary("完整档案查看记录（查看人、时间）")
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Admin));

        api.MapPut("/subjects/{id:guid}/profile", UpdateProfile.Handle)
            .WithName("UpdateSubjectProfile").WithSummary("更新主体名称、法定代表人、手机号、地址和户号，并通知相关服务")
            .RequireAuthorization(p => p.RequireRole(Roles.Clerk, Roles.CreditOfficer));

        // Objection and repair (DOMAIN.md §10): deadlines in working days; decisions by a supervisor.
        api.MapPost("/subjects/{subjectId:guid}/objections", SubmitObjection.Handle)
            .WithName("SubmitObjection").WithSummary("提出异议（相关记录标记为异议处理中，暂停据此升级处罚）")
            .RequireAuthorization(p => p.RequireRole(Roles.Clerk, Roles.CreditOfficer));

        api.MapPost("/objections/{id:guid}/acknowledge", AcknowledgeObjection.Handle)
            .WithName("AcknowledgeObjection").WithSummary("受理异议（1 个工作日内）")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer));

        api.MapPost("/objections/{id:guid}/decide", DecideObjection.Handle)
            .WithName("DecideObjection").WithSummary("决定异议：成立则撤销记录并重新评价，不成立则记录恢复生效")
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor));

        api.MapGet("/objections", ListObjections.Handle)
            .WithName("ListObjections").WithSummary("异议列表（可按状态筛选，标出逾期未受理、逾期未决定）")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer, Roles.Supervisor));

        api.MapPost("/subjects/{subjectId:guid}/repairs", RequestRepair.Handle)
            .WithName("RequestRepair").WithSummary("申请信用修复（红色满 3 个月、黑色满 6 个月无新增失信记录或限制期届满）")
            .RequireAuthorization(p => p.RequireRole(Roles.Clerk, Roles.CreditOfficer));

        api.MapPost("/repairs/{id:guid}/decide", DecideRepair.Handle)
            .WithName("DecideRepair").WithSummary("审批信用修复：批准则失信记录标记为已修复，并提升一个颜色")
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor));

        api.MapGet("/repairs", ListRepairs.Handle)
            .WithName("ListRepairs").WithSummary("信用修复申请列表（可按状态筛选）")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer, Roles.Supervisor));

        // Rule sets as data (DOMAIN.md §4): drafted by an officer, approved by another (supervisor), activated at a time.
        api.MapGet("/rule-sets", ListRuleSets.Handle)
            .WithName("ListRuleSets").WithSummary("规则版本列表（生效版本在前）")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        api.MapGet("/rule-sets/{version}", GetRuleSet.Handle)
            .WithName("GetRuleSet").WithSummary("规则版本的完整内容：事件类型、扣分上限、颜色分数线")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        api.MapPost("/rule-sets", DraftRuleSet.Handle)
            .WithName("DraftRuleSet").WithSummary("以某一版本为基础起草新规则版本")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer));

        api.MapPut("/rule-sets/{version}", UpdateRuleSet.Handle)
            .WithName("UpdateRuleSet").WithSummary("修改草稿（仅限起草人）")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer));

        api.MapPost("/rule-sets/{version}/approve", ReviewRuleSet.Approve)
            .WithName("ApproveRuleSet").WithSummary("审批通过规则草稿（审批人不能是起草人）")
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor));

        api.MapPost("/rule-sets/{version}/reject", ReviewRuleSet.Reject)
            .WithName("RejectRuleSet").WithSummary("驳回规则草稿（驳回人不能是起草人）")
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor));

        api.MapPost("/rule-sets/{version}/activate", ActivateRuleSet.Handle)
            .WithName("ActivateRuleSet").WithSummary("启用已审批的规则版本（立即或定时），原版本失效并全量重新评价")
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor));

        api.MapGet("/subjects/{subjectId:guid}/grade-as-of", GetGradeAsOf.Handle)
            .WithName("GetGradeAsOf").WithSummary("复现某一时点的评价：按当时的台账和规则版本重新计算，并与当时保存的评价比对")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        api.MapGet("/subjects/{subjectId:guid}/explanation", GetExplanation.Handle)
            .WithName("GetGradeExplanation").WithSummary("评价说明：各项理由及分值，以及面向用户的通俗说明")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        // The only Grading API open to anyone besides health: the public criteria page (失信行为认定标准公示).
        api.MapGet("/public/criteria", GetPublicCriteria.Handle)
            .WithName("GetPublicCriteria").WithSummary("公开：现行规则版本的失信行为认定标准、分值、一票否决项和颜色含义")
            .AllowAnonymous();

        // Re-evaluation (DOMAIN.md §4 cadence): monthly for everyone, fully on activation; bulk, with progress; simulation.
        api.MapPost("/reevaluations", StartReevaluation.Handle)
            .WithName("StartReevaluation").WithSummary("立即发起月度评价（全部主体；已有评价进行中则返回 409）")
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor));

        api.MapGet("/reevaluations", ListReevaluations.Handle)
            .WithName("ListReevaluations").WithSummary("重新评价记录（最近的在前）")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer, Roles.Supervisor));

        api.MapGet("/reevaluations/{id:guid}", GetReevaluation.Handle)
            .WithName("GetReevaluation").WithSummary("重新评价的进度（已完成 / 总数）和颜色变化数")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer, Roles.Supervisor));

        api.MapPost("/rule-sets/{version}/simulation", SimulateRuleSet.Handle)
            .WithName("SimulateRuleSet").WithSummary("模拟规则版本：全部主体按该版本评价后的颜色迁移矩阵（不做任何修改）")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer, Roles.Supervisor));

        return app;
    }
}
