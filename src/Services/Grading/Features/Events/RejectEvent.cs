using System.Security.Claims;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Events;

public sealed record RejectEventRequest
{
    public required string Reason { get; init; }
}

public sealed record RejectEventResponse(Guid EventId, CreditEventStatus Status, string RejectedBy, string Reason);

internal static class RejectEvent
{
    /// <summary>A second officer refuses a pending manual event, with a reason; it never counts, and the grade is untouched.</summary>
    public static async Task<Results<Ok<RejectEventResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid eventId, RejectEventRequest request, ClaimsPrincipal user, GradingDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > 500)
        {
            return Problems.Field("reason", "请填写驳回理由（不超过 500 个字符）。");
        }

        var decider = user.Identity?.Name ?? "unknown";
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var decision = await PendingDecision.LockAsync(db, eventId, decider, cancellationToken);
            if (decision.Refusal is { } refusal)
            {
                return (Results<Ok<RejectEventResponse>, ValidationProblem, ProblemHttpResult>)refusal;
            }

            var creditEvent = decision.Event!;
            creditEvent.Status = CreditEventStatus.Rejected;
            creditEvent.ApprovedBy = decider;
            creditEvent.ApprovedAt = clock.GetUtcNow();
            creditEvent.DecisionNote = reason;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok(new RejectEventResponse(creditEvent.Id, creditEvent.Status, decider, reason));
        });
    }
}
