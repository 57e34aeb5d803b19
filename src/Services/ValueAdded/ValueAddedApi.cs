using CreditPower.ServiceDefaults.Security;
using CreditPower.ValueAdded.Features.Eligibility;

namespace CreditPower.ValueAdded;

internal static class ValueAddedApi
{
    public static IEndpointRouteBuilder MapValueAddedApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("ValueAdded");

        api.MapGet("/subjects/{subjectId:guid}/eligibility", GetEligibility.Handle)
            .WithName("GetEligibility").WithSummary("该主体是否可申请增值用能服务")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        return app;
    }
}
