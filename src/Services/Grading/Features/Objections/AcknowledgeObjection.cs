using System.Security.Claims;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Objections;

internal static class AcknowledgeObjection
{
    /// <summary>A credit officer confirms receipt of a submitted objection (受理), due within 1 working day.</summary>
    public static async Task<Results<Ok<ObjectionResponse>, NotFound, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, GradingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var objection = await db.Objections.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (objection is null)
        {
            return TypedResults.NotFound();
        }

        if (objection.Status != ObjectionStatus.Submitted)
        {
            return TypedResults.Problem(
                title: "异议状态不允许受理",
                detail: $"只有待受理的异议可以受理，该异议当前状态为“{StatusLabels.For(objection.Status)}”。",
                statusCode: StatusCodes.Status409Conflict);
        }

        var now = clock.GetUtcNow();
        objection.Status = ObjectionStatus.Acknowledged;
        objection.AcknowledgedBy = user.Identity?.Name ?? "unknown";
        objection.AcknowledgedAt = now;
        await db.SaveChangesAsync(cancellationToken);

        var read = await ObjectionResponse.ReadAsync(db, db.Objections.Where(o => o.Id == id), now, cancellationToken);
        return TypedResults.Ok(read.Single());
    }
}
