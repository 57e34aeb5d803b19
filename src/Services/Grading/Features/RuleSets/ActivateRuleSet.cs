using System.Security.Claims;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.RuleSets;

internal static class ActivateRuleSet
{
    // A time a little in the past is a clock difference between the portal and us, not a wish to rewrite history.
    private static readonly TimeSpan _clockTolerance = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Schedules an approved version to take over at <c>activateAt</c> (now when left out); when that time has
    /// come it is activated before the answer, and the full re-evaluation starts.
    /// </summary>
    public static async Task<Results<Ok<RuleSetSummary>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        string version, ActivateRuleSetRequest? request, ClaimsPrincipal user, GradingDbContext db, RuleSetActivator activator,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var activateAt = request?.ActivateAt ?? now;
        if (activateAt < now - _clockTolerance)
        {
            return Problems.Field("activateAt", "生效时间不能早于当前时间，请填写当前或将来的时间。");
        }

        var found = await db.RuleSets.AsNoTracking().FirstOrDefaultAsync(v => v.Version == version, cancellationToken);
        if (found is null)
        {
            return TypedResults.NotFound();
        }

        if (found.Status != RuleSetStatus.Approved)
        {
            return NotActivatable(found);
        }

        if (activateAt < now)
        {
            activateAt = now;
        }

        var scheduled = await db.RuleSets
            .Where(v => v.Version == version && v.Status == RuleSetStatus.Approved)
            .ExecuteUpdateAsync(v => v.SetProperty(x => x.ActivateAt, activateAt), cancellationToken);
        if (scheduled == 0)
        {
            return NotActivatable(await db.RuleSets.AsNoTracking().FirstAsync(v => v.Version == version, cancellationToken));
        }

        if (activateAt <= now)
        {
            await activator.ActivateDueAsync(user.Identity?.Name ?? "unknown", cancellationToken);
        }
        else
        {
            activator.Wake();
        }

        var after = await db.RuleSets.AsNoTracking().FirstAsync(v => v.Version == version, cancellationToken);
        return TypedResults.Ok(RuleSetSummary.From(after));
    }

    private static ProblemHttpResult NotActivatable(RuleSetVersion version)
    {
        var (title, detail) = version.Status switch
        {
            RuleSetStatus.Draft => ("规则版本尚未审批", $"版本“{version.Version}”还是草稿，须经主管审批后才能生效。"),
            RuleSetStatus.Active => ("规则版本已生效", $"版本“{version.Version}”正在生效中，无需再次启用。"),
            RuleSetStatus.Superseded => ("规则版本已失效", $"版本“{version.Version}”已被后续版本取代，不能再次启用；如需沿用，请以它为基础起草新版本。"),
            RuleSetStatus.Rejected => ("规则版本已被驳回", $"版本“{version.Version}”已被驳回，不能启用。"),
            _ => ("规则版本不能启用", $"版本“{version.Version}”当前状态为{RuleSetTexts.StatusName(version.Status)}。"),
        };
        return TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);
    }
}
