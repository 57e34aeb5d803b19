using System.Security.Claims;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.RuleSets;

internal static class ReviewRuleSet
{
    /// <summary>A supervisor who did not draft it approves a draft (four-eyes); it then waits for activation.</summary>
    public static Task<Results<Ok<RuleSetSummary>, NotFound, ProblemHttpResult>> Approve(
        string version, ClaimsPrincipal user, GradingDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        DecideAsync(version, RuleSetStatus.Approved, user, db, clock, cancellationToken);

    /// <summary>A supervisor who did not draft it turns a draft down; a rejected version can never be activated.</summary>
    public static Task<Results<Ok<RuleSetSummary>, NotFound, ProblemHttpResult>> Reject(
        string version, ClaimsPrincipal user, GradingDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        DecideAsync(version, RuleSetStatus.Rejected, user, db, clock, cancellationToken);

    private static async Task<Results<Ok<RuleSetSummary>, NotFound, ProblemHttpResult>> DecideAsync(
        string version, RuleSetStatus decision, ClaimsPrincipal user, GradingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var draft = await db.RuleSets.AsNoTracking().FirstOrDefaultAsync(v => v.Version == version, cancellationToken);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        var reviewer = user.Identity?.Name ?? "unknown";
        if (draft.DraftedBy == reviewer)
        {
            return TypedResults.Problem(
                title: "不能审批自己起草的规则版本",
                detail: "规则版本须由起草人以外的主管审批（四眼原则）。",
                statusCode: StatusCodes.Status403Forbidden);
        }

        // Conditional on still being a draft, so two supervisors deciding at once cannot both win.
        var now = clock.GetUtcNow();
        var decided = await db.RuleSets
            .Where(v => v.Version == version && v.Status == RuleSetStatus.Draft)
            .ExecuteUpdateAsync(v => v
                .SetProperty(x => x.Status, decision)
                .SetProperty(x => x.ApprovedBy, reviewer)
                .SetProperty(x => x.ApprovedAt, now), cancellationToken);
        if (decided == 0)
        {
            return TypedResults.Problem(
                title: "规则版本不是草稿",
                detail: $"版本“{version}”当前状态为{RuleSetTexts.StatusName(draft.Status)}，只有草稿可以审批或驳回。",
                statusCode: StatusCodes.Status409Conflict);
        }

        draft.Status = decision;
        draft.ApprovedBy = reviewer;
        draft.ApprovedAt = now;
        return TypedResults.Ok(RuleSetSummary.From(draft));
    }
}
