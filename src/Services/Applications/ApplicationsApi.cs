using CreditPower.Applications.Domain;
using CreditPower.Applications.Features.Commitments;
using CreditPower.Applications.Features.CreditPath;
using CreditPower.Applications.Features.DrcReport;
using CreditPower.Applications.Features.CapacityPool;
using CreditPower.Applications.Features.Intake;
using CreditPower.Applications.Features.Lifecycle;
using CreditPower.ServiceDefaults.Security;

namespace CreditPower.Applications;

internal static class ApplicationsApi
{
    public static IEndpointRouteBuilder MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Applications");

        api.MapPost("/applications", SubmitApplication.Handle)
            .WithName("SubmitApplication").WithSummary("受理新装或增容申请（产权证明，或法人凭信用报告和信用承诺书）")
            .RequireAuthorization(p => p.RequireRole(Roles.Clerk, Roles.Admin));

        api.MapGet("/applications", ListApplications.Handle)
            .WithName("ListApplications").WithSummary("工作队列：绿色通道优先，再按受理时间；可按环节、是否超期筛选")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        api.MapGet("/applications/{id:guid}", GetApplication.Handle)
            .WithName("GetApplication").WithSummary("申请详情：环节时间线、产权证明或信用报告、信用承诺书")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        // Each stage checks its own role (Stages); the gate lets in only roles that complete some stage.
        api.MapPost("/applications/{id:guid}/stage", AdvanceStage.Handle)
            .WithName("AdvanceApplicationStage").WithSummary("办结当前环节，进入下一环节（按顺序，按角色）")
            .RequireAuthorization(p => p.RequireRole(Stages.TransitionRoles));

        api.MapPost("/applications/{id:guid}/commitment-letter/signature", SignLetter.Handle)
            .WithName("RecordLetterSignature").WithSummary("登记信用承诺书的签署（签署人、签署时间）")
            .RequireAuthorization(p => p.RequireRole(Roles.Clerk));

        api.MapGet("/applications/{id:guid}/commitment-letter.pdf", GetLetterPdf.Handle)
            .WithName("GetCommitmentLetterPdf").WithSummary("信用承诺书 PDF（A4）")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        api.MapGet("/commitments", ListCommitments.Handle)
            .WithName("ListCommitments").WithSummary("承诺台账：按期限排序；overdue=true 为已到期待核查的承诺")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        api.MapPost("/commitments/{id:guid}/verification", VerifyCommitment.Handle)
            .WithName("VerifyCommitment").WithSummary("核查承诺：已履约或已违诺（违诺推送信用评价，一票否决）")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer, Roles.Inspector, Roles.Supervisor));

        api.MapPost("/drc/commitment-batches", CreateDrcBatch.Handle)
            .WithName("CreateDrcCommitmentBatch").WithSummary("立即生成信用承诺书报送批次（发改委）")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer, Roles.Supervisor));

        api.MapGet("/drc/commitment-batches", ListDrcBatches.Handle)
            .WithName("ListDrcCommitmentBatches").WithSummary("信用承诺书报送批次（序号、份数、校验值）")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer, Roles.Supervisor, Roles.DrcOfficer));

        api.MapGet("/drc/commitment-batches/{sequence:int}/{format}", DownloadDrcBatch.Handle)
            .WithName("DownloadDrcCommitmentBatch").WithSummary("下载报送批次文件（json 或 csv，附 SHA-256 校验值）")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer, Roles.Supervisor, Roles.DrcOfficer));

        api.MapGet("/drc/commitment-reconciliation", GetReconciliation.Handle)
            .WithName("GetDrcCommitmentReconciliation").WithSummary("报送对账：期间内签署的每份承诺书、所在批次、有无漏报或逾期")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer, Roles.Supervisor, Roles.DrcOfficer));

        var capacity = app.MapGroup("/api/capacity").WithTags("CapacityPool");

        capacity.MapGet("/pools", ListPools.Handle)
            .WithName("ListCapacityPools").WithSummary("公用容量资源：总量、已分配、空余与排队数")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        capacity.MapPost("/pools", CreatePool.Handle)
            .WithName("CreateCapacityPool").WithSummary("登记公用变电站间隔或公用线路容量")
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Admin));

        capacity.MapGet("/pools/{id:guid}", GetPool.Handle)
            .WithName("GetCapacityPool").WithSummary("公用容量详情：按分配顺序排队的申请、已分配与台账")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        capacity.MapPost("/pools/{id:guid}/additions", AddCapacity.Handle)
            .WithName("AddCapacity").WithSummary("新增公用容量并按序分配给排队申请")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer, Roles.Supervisor, Roles.Admin));

        capacity.MapGet("/applications/{applicationId:guid}", ListApplicationCapacity.Handle)
            .WithName("ListApplicationCapacity").WithSummary("某一报装申请的公用容量申请与分配")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        capacity.MapPost("/requests", RequestCapacity.Handle)
            .WithName("RequestCapacity").WithSummary("报装申请申请公用容量：有空余即分配，否则排队")
            .RequireAuthorization(p => p.RequireRole(Roles.Clerk, Roles.CreditOfficer, Roles.Supervisor, Roles.Admin));

        capacity.MapPost("/requests/{id:guid}/release", ReleaseCapacity.Handle)
            .WithName("ReleaseCapacity").WithSummary("释放已分配容量并按序分配给排队申请")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditOfficer, Roles.Supervisor, Roles.Admin));

        return app;
    }
}
