using System.Security.Claims;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.RuleSets;
using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Reevaluation;

internal static class StartReevaluation
{
    /// <summary>Starts a monthly evaluation of every subject now; 409 while another run is going.</summary>
    public static async Task<Results<Accepted<ReevaluationRunResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        StartReevaluationRequest request,
        ClaimsPrincipal user,
        ReevaluationLauncher launcher,
        ActiveRuleSet activeRules,
        GradingDbContext db,
        CancellationToken cancellationToken)
    {
        if (!string.Equals(request.Kind, "monthly", StringComparison.Ordinal))
        {
            return Problems.Field("kind", "只能手动发起月度评价（monthly）；全量重评在规则集生效时自动发起。");
        }

        var rules = await activeRules.GetAsync(cancellationToken);
        Guid id;
        try
        {
            id = await launcher.StartAsync(ReevaluationKind.Monthly, rules.Version, user.Identity?.Name ?? "unknown", cancellationToken);
        }
        catch (ReevaluationInProgressException running)
        {
            return TypedResults.Problem(
                title: "已有重新评价正在进行",
                detail: $"重新评价 {running.RunningId} 尚未完成，完成后才能发起新的评价。",
                statusCode: StatusCodes.Status409Conflict);
        }

        var run = await db.ReevaluationRuns.AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken);
        return TypedResults.Accepted($"/api/reevaluations/{id}", ReevaluationRunResponse.From(run));
    }
}
