using System.Security.Claims;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.RuleSets;

internal static class DraftRuleSet
{
    /// <summary>Drafts a new version from a base version and the changes asked for; it counts only once approved and activated.</summary>
    public static async Task<Results<Created<RuleSetResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        DraftRuleSetRequest request, ClaimsPrincipal user, GradingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        RuleSetDrafting.ValidateVersion(request.Version, errors);
        RuleSetDrafting.ValidateTitle(request.Title, errors);
        var baseVersion = await db.RuleSets.AsNoTracking().FirstOrDefaultAsync(v => v.Version == request.BaseVersion, cancellationToken);
        if (baseVersion is null)
        {
            errors["baseVersion"] = [$"基础版本“{request.BaseVersion}”不存在。"];
        }

        var definition = baseVersion is null ? null : RuleSetDrafting.Apply(baseVersion.Definition, request, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Problems.InvalidTitle);
        }

        if (await db.RuleSets.AnyAsync(v => v.Version == request.Version, cancellationToken))
        {
            return TypedResults.Problem(
                title: "规则版本已存在", detail: $"版本号“{request.Version}”已被使用，请换一个版本号。", statusCode: StatusCodes.Status409Conflict);
        }

        var draft = new RuleSetVersion
        {
            Version = request.Version,
            Title = request.Title.Trim(),
            Status = RuleSetStatus.Draft,
            Definition = definition!,
            DraftedBy = user.Identity?.Name ?? "unknown",
            DraftedAt = clock.GetUtcNow(),
        };
        db.RuleSets.Add(draft);

        // A concurrent draft of the same version fails on the primary key: the exception handler answers 409.
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/rule-sets/{draft.Version}", RuleSetResponse.From(draft));
    }
}
