using System.Security.Claims;
using CreditPower.Contracts;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.Grades;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Events;

public sealed record ApproveEventResponse(
    Guid EventId, CreditEventStatus Status, CreditColour Colour, int Score, bool ColourChanged, IReadOnlyList<GradeReason> Reasons);

internal static class ApproveEvent
{
    /// <summary>
    /// A second officer puts a pending manual event in force and the subject is re-graded in the same transaction;
    /// a colour change leaves through the outbox with it.
    /// </summary>
    public static async Task<Results<Ok<ApproveEventResponse>, ProblemHttpResult>> Handle(
        Guid eventId, ClaimsPrincipal user, GradingDbContext db, SubjectGrader grader, GradeCache cache, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var approver = user.Identity?.Name ?? "unknown";
        Subject? regraded = null;
        var strategy = db.Database.CreateExecutionStrategy();
        var answer = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var decision = await PendingDecision.LockAsync(db, eventId, approver, cancellationToken);
            if (decision.Refusal is { } refusal)
            {
                return refusal;
            }

            var creditEvent = decision.Event!;
            var now = clock.GetUtcNow();
            creditEvent.Status = EventLedger.StatusOnEntry(creditEvent.ExpiresAt, now);
            creditEvent.ApprovedBy = approver;
            creditEvent.ApprovedAt = now;
            EventLedger.AnnounceInForce(db, creditEvent, clock);

            // Flushed first: the grader reads the subject's events in force from the database, this one included.
            await db.SaveChangesAsync(cancellationToken);
            var subject = await db.Subjects.Include(s => s.Accounts).SingleAsync(s => s.Id == creditEvent.SubjectId, cancellationToken);
            var previous = subject.Colour;
            var result = await grader.RegradeAsync(subject, previous, cause: $"event {creditEvent.Id} approved", upgradeAllowed: false, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            regraded = subject;

            return (Results<Ok<ApproveEventResponse>, ProblemHttpResult>)TypedResults.Ok(new ApproveEventResponse(
                creditEvent.Id, creditEvent.Status, result.Colour, result.Score, result.Colour != previous, result.Reasons));
        });

        if (regraded is not null)
        {
            await cache.InvalidateAsync(regraded);
        }

        return answer;
    }
}
