using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Events;

/// <summary>
/// The checks approving and rejecting share: the event exists, still waits, and the decider is not its recorder.
/// The row is locked so two officers deciding at once cannot both act on it.
/// </summary>
internal sealed record PendingDecision(CreditEvent? Event, ProblemHttpResult? Refusal)
{
    public static async Task<PendingDecision> LockAsync(GradingDbContext db, Guid eventId, string decider, CancellationToken cancellationToken)
    {
        var creditEvent = await db.CreditEvents
            .FromSql($"""SELECT * FROM credit_events WHERE "Id" = {eventId} FOR UPDATE""")
            .SingleOrDefaultAsync(cancellationToken);
        if (creditEvent is null)
        {
            return new(null, TypedResults.Problem(title: "未找到信用事件", detail: $"信用事件 {eventId} 不存在。", statusCode: StatusCodes.Status404NotFound));
        }

        if (creditEvent.Status != CreditEventStatus.PendingApproval)
        {
            return new(null, TypedResults.Problem(
                title: "事件已处理",
                detail: $"该信用事件当前状态为“{StatusLabels.For(creditEvent.Status)}”，只有待审批的事件可以审批或驳回。",
                statusCode: StatusCodes.Status409Conflict));
        }

        if (string.Equals(creditEvent.RecordedBy, decider, StringComparison.Ordinal))
        {
            return new(null, TypedResults.Problem(
                title: "审批人不能是登记人",
                detail: "按照四眼原则，人工登记的信用事件须由登记人以外的另一名信用管理专责或主管审批。",
                statusCode: StatusCodes.Status403Forbidden));
        }

        return new(creditEvent, null);
    }
}
