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

        return app;
    }
}
