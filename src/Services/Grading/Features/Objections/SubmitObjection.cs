using System.Security.Claims;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.ServiceDefaults.Api;
using CreditPower.ServiceDefaults.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Objections;

public sealed record SubmitObjectionRequest
{
    /// <summary>The event objected to; null for an objection to the grade as a whole.</summary>
    public Guid? CreditEventId { get; init; }

    public required string Reason { get; init; }
}

internal static class SubmitObjection
{
    // The ledger's source name for records received from the DRC (DOMAIN.md §3).
    private const string DrcSource = "drc";

    /// <summary>
    /// Takes a subject's objection (DOMAIN.md §10). The event objected to is marked 异议处理中, which freezes any
    /// escalation resting on it (see <c>SubjectGrader</c>); a DRC-sourced record is referred to the DRC.
    /// </summary>
    public static async Task<Results<Created<ObjectionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid subjectId, SubmitObjectionRequest request, ClaimsPrincipal user, GradingDbContext db, ObjectionDeadlines deadlines,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > 1000)
        {
            return Problems.Field("reason", "异议理由不能为空，且不超过 1000 个字符。");
        }

        var subject = await db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subjectId, cancellationToken);
        if (subject is null)
        {
            return TypedResults.NotFound();
        }

        var actor = user.Identity?.Name ?? "unknown";
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            CreditEvent? creditEvent = null;
            if (request.CreditEventId is { } eventId)
            {
                // Locked: two objections to one event at once must not both mark it.
                creditEvent = await db.CreditEvents
                    .FromSql($"""SELECT * FROM credit_events WHERE "Id" = {eventId} FOR UPDATE""")
                    .SingleOrDefaultAsync(cancellationToken);
                if (creditEvent is null || creditEvent.SubjectId != subjectId)
                {
                    return (Results<Created<ObjectionResponse>, NotFound, ValidationProblem, ProblemHttpResult>)Problems.Field("creditEventId", "该信用主体没有这条信用记录。");
                }

                // Only what counts against the subject is frozen; an objection to a bonus would lower its own grade.
                if (creditEvent.Points > 0)
                {
                    return Problems.Field("creditEventId", "加分记录不能提出异议；对评价结果有异议的，请不指定记录直接提出。");
                }

                if (creditEvent.Status != CreditEventStatus.InForce)
                {
                    return TypedResults.Problem(
                        title: "记录状态不允许提出异议",
                        detail: creditEvent.Status == CreditEventStatus.UnderObjection
                            ? "该信用记录已有异议正在处理，请勿重复提出。"
                            : $"只能对生效中的信用记录提出异议，该记录当前状态为“{StatusLabels.For(creditEvent.Status)}”。",
                        statusCode: StatusCodes.Status409Conflict);
                }
            }

            var now = clock.GetUtcNow();
            var (acknowledgeBy, decideBy) = deadlines.For(now);
            var objection = new Objection
            {
                Id = Guid.CreateVersion7(),
                SubjectId = subjectId,
                CreditEventId = creditEvent?.Id,
                Reason = reason,
                // The DRC published the record, so only the DRC can correct it (DOMAIN.md §10).
                Status = creditEvent?.Source == DrcSource ? ObjectionStatus.ReferredToDrc : ObjectionStatus.Submitted,
                SubmittedBy = actor,
                SubmittedAt = now,
                AcknowledgeBy = acknowledgeBy,
                DecideBy = decideBy,
            };
            db.Objections.Add(objection);
            if (creditEvent is not null)
            {
                creditEvent.Status = CreditEventStatus.UnderObjection;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            return TypedResults.Created(
                $"/api/objections/{objection.Id}",
                ObjectionResponse.From(objection, subject.Name, SubjectIdentifier.Display(subject.Kind, subject.Identifier), creditEvent?.EventType, now));
        });
    }
}
