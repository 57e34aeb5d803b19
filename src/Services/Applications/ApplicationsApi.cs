using CreditPower.Applications.Features.CapacityPool;
using CreditPower.Applications.Features.Intake;
using CreditPower.ServiceDefaults.Security;

namespace CreditPower.Applications;

internal static class ApplicationsApi
{
    public static IEndpointRouteBuilder MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/applications").WithTags("Applications");

        api.MapPost("/", SubmitApplication.Handle)
            .WithName("SubmitApplication").WithSummary("受理新装或增容申请")
            .RequireAuthorization(p => p.RequireRole(Roles.Clerk, Roles.Admin));

        api.MapGet("/", ListApplications.Handle)
            .WithName("ListApplications").WithSummary("工作队列：绿色通道优先，再按受理时间")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        api.MapGet("/{id:guid}", GetApplication.Handle)
            .WithName("GetApplication").WithSummary("申请详情")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

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
