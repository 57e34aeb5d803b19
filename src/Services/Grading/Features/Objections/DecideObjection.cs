using System.Security.Claims;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.Grades;
using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Objections;

public sealed record DecideObjectionRequest
{
    /// <summary>True: the objection holds and the event is revoked; false: the event stands.</summary>
    public required bool Upheld { get; init; }

    public required string Note { get; init; }
}

internal static class DecideObjection
{
    /// <summary>
    /// A supervisor decides an objection. Upheld: the event is revoked and the subject re-graded with an upgrade
    /// allowed, since the cause is gone. Rejected: the event counts again and the freeze ends. One transaction.
    /// </summary>
    public static async Task<Results<Ok<ObjectionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, DecideObjectionRequest request, ClaimsPrincipal user, GradingDbContext db, SubjectGrader grader, GradeCache cache,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var note = request.Note?.Trim() ?? "";
        if (note.Length is 0 or > 1000)
        {
            return Problems.Field("note", "决定说明不能为空，且不超过 1000 个字符。");
        }

        var actor = user.Identity?.Name ?? "unknown";
        Subject? regraded = null;
        var strategy = db.Database.CreateExecutionStrategy();
        var now = clock.GetUtcNow();
        var refused = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Locked: two supervisors deciding at once cannot both act on it.
            var objection = await db.Objections
                .FromSql($"""SELECT * FROM objections WHERE "Id" = {id} FOR UPDATE""")
                .SingleOrDefaultAsync(cancellationToken);
            if (objection is null)
            {
                return (Results<Ok<ObjectionResponse>, NotFound, ValidationProblem, ProblemHttpResult>?)TypedResults.NotFound();
            }

            if (objection.Status is not (ObjectionStatus.Submitted or ObjectionStatus.Acknowledged or ObjectionStatus.ReferredToDrc))
            {
                return TypedResults.Problem(
                    title: "异议已有决定",
                    detail: $"该异议已经处理完毕（{StatusLabels.For(objection.Status)}），不能再次决定。",
                    statusCode: StatusCodes.Status409Conflict);
            }

            objection.Status = request.Upheld ? ObjectionStatus.Upheld : ObjectionStatus.Rejected;
            objection.DecidedBy = actor;
            objection.DecidedAt = now;
            objection.DecisionNote = note;

            var creditEvent = objection.CreditEventId is { } eventId
                ? await db.CreditEvents.FirstOrDefaultAsync(e => e.Id == eventId, cancellationToken)
                : null;
            var settlesEvent = creditEvent is { Status: CreditEventStatus.UnderObjection };
            if (settlesEvent)
            {
                creditEvent!.Status = request.Upheld ? CreditEventStatus.Revoked
                    : creditEvent.ExpiresAt is { } end && end <= now ? CreditEventStatus.Expired
                    : CreditEventStatus.InForce;
            }

            // Flushed first: the grader reads the subject's events from the database, this decision included.
            await db.SaveChangesAsync(cancellationToken);
            if (settlesEvent)
            {
                var subject = await db.Subjects.Include(s => s.Accounts).SingleAsync(s => s.Id == objection.SubjectId, cancellationToken);
                await grader.RegradeAsync(
                    subject, subject.Colour, cause: $"objection {objection.Id} {(request.Upheld ? "upheld" : "rejected")}",
                    upgradeAllowed: request.Upheld, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                regraded = subject;
            }

            await transaction.CommitAsync(cancellationToken);
            return null;
        });

        if (refused is not null)
        {
            return refused;
        }

        if (regraded is not null)
        {
            await cache.InvalidateAsync(regraded);
        }

        // Read after the retried block: a transient failure here must not run a committed decision again.
        var read = await ObjectionResponse.ReadAsync(db, db.Objections.Where(o => o.Id == id), now, cancellationToken);
        return TypedResults.Ok(read.Single());
    }
}
