using CreditPower.Grading.Features.Events;
using CreditPower.Grading.Features.Grades;
using CreditPower.Grading.Features.Subjects;
using CreditPower.ServiceDefaults.Security;

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

        api.MapPost("/subjects/{subjectId:guid}/events", RecordEvent.Handle)
            .WithName("RecordCreditEvent").WithSummary("记录信用事件并重新评价")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer, Roles.Inspector));

        api.MapGet("/subjects/{subjectId:guid}/grade", GetGrade.Handle)
            .WithName("GetGrade").WithSummary("当前评价结果及各项理由")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        api.MapGet("/grades/lookup", LookupGrade.Handle)
            .WithName("LookupGrade").WithSummary("按统一社会信用代码、身份证号或户号查询评价（Redis 缓存）")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        return app;
    }
}
