using System.Security.Claims;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.RuleSets;

internal static class UpdateRuleSet
{
    /// <summary>Changes a draft further; only its author may, and only while it is a draft.</summary>
    public static async Task<Results<Ok<RuleSetResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        string version, UpdateRuleSetRequest request, ClaimsPrincipal user, GradingDbContext db, CancellationToken cancellationToken)
    {
        var draft = await db.RuleSets.FirstOrDefaultAsync(v => v.Version == version, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        if (draft.Status != RuleSetStatus.Draft)
        {
            return TypedResults.Problem(
                title: "规则版本不可修改",
                detail: $"版本“{version}”当前状态为{RuleSetTexts.StatusName(draft.Status)}，只有草稿可以修改。",
                statusCode: StatusCodes.Status409Conflict);
        }

        if (draft.DraftedBy != user.Identity?.Name)
        {
            return TypedResults.Problem(
                title: "无权修改该草稿", detail: $"草稿只能由起草人（{draft.DraftedBy}）修改。", statusCode: StatusCodes.Status403Forbidden);
        }

        var errors = new Dictionary<string, string[]>();
        if (request.Title is not null)
        {
            RuleSetDrafting.ValidateTitle(request.Title, errors);
        }

        var definition = RuleSetDrafting.Apply(draft.Definition, request, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Problems.InvalidTitle);
        }

        draft.Title = request.Title?.Trim() ?? draft.Title;
        draft.Definition = definition;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RuleSetResponse.From(draft));
    }
}
