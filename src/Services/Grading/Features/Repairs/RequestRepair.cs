using System.Security.Claims;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.RuleSets;
using CreditPower.ServiceDefaults.Api;
using CreditPower.ServiceDefaults.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Repairs;

public sealed record RequestRepairRequest
{
    public required string Reason { get; init; }
}

internal static class RequestRepair
{
    /// <summary>
    /// Takes an application for credit repair when DOMAIN.md §10 allows one (see <see cref="RepairEligibility"/>);
    /// otherwise 409 with the reason and when the subject may apply.
    /// </summary>
    public static async Task<Results<Created<RepairResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid subjectId, RequestRepairRequest request, ClaimsPrincipal user, GradingDbContext db, ActiveRuleSet activeRules,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > 1000)
        {
            return Problems.Field("reason", "申请理由不能为空，且不超过 1000 个字符。");
        }

        var subject = await db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subjectId, cancellationToken);
        if (subject is null)
        {
            return TypedResults.NotFound();
        }

        if (await db.Repairs.AnyAsync(r => r.SubjectId == subjectId && r.Status == RepairStatus.Pending, cancellationToken))
        {
            return TypedResults.Problem(
                title: "已有待审批的修复申请", detail: "该主体已有一份信用修复申请等待主管审批，请勿重复申请。", statusCode: StatusCodes.Status409Conflict);
        }

        var now = clock.GetUtcNow();
        var ledger = await RepairLedger.ReadAsync(db, subjectId, cancellationToken);
        if (RepairEligibility.RefusalFor(subject.Colour, ledger, await activeRules.GetAsync(cancellationToken), now) is { } refusal)
        {
            return TypedResults.Problem(title: "暂不符合信用修复条件", detail: refusal, statusCode: StatusCodes.Status409Conflict);
        }

        var repair = new RepairRequest
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subjectId,
            Reason = reason,
            Status = RepairStatus.Pending,
            RequestedBy = user.Identity?.Name ?? "unknown",
            RequestedAt = now,
        };
        db.Repairs.Add(repair);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created(
            $"/api/repairs/{repair.Id}", RepairResponse.From(repair, subject.Name, SubjectIdentifier.Display(subject.Kind, subject.Identifier)));
    }
}
