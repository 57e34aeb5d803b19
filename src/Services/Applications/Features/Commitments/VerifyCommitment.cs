using System.Security.Claims;
using CreditPower.Applications.Data;
using CreditPower.Applications.Domain;
using CreditPower.Contracts;
using CreditPower.ServiceDefaults.Api;
using CreditPower.ServiceDefaults.Dates;
using CreditPower.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.Commitments;

internal static class VerifyCommitment
{
    /// <summary>
    /// Staff verify a pending promise kept or broken; the announcement (<see cref="CommitmentBroken"/>, which Grading
    /// turns into the black veto, or <see cref="CommitmentKept"/>, its bonus) is written in the same transaction. A
    /// promise is verified once: the answer for a second attempt says who verified it already.
    /// </summary>
    public static async Task<Results<Ok<CommitmentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, VerifyCommitmentRequest request, ClaimsPrincipal user, ApplicationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Outcome is not (CommitmentState.Kept or CommitmentState.Broken))
        {
            return Problems.Field("outcome", "核查结论应为 kept（已履约）或 broken（已违诺）。");
        }

        if (string.IsNullOrWhiteSpace(request.Note) || request.Note.Trim().Length > 500)
        {
            return Problems.Field("note", "请填写核查依据（不超过 500 个字符）。");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async Task<Results<Ok<CommitmentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var commitment = await db.Commitments
                .FromSql($"SELECT * FROM commitments WHERE \"Id\" = {id} FOR UPDATE")
                .FirstOrDefaultAsync(cancellationToken);
            if (commitment is null)
            {
                return TypedResults.NotFound();
            }

            var letter = await db.CommitmentLetters.FirstAsync(l => l.Id == commitment.LetterId, cancellationToken);
            var now = clock.GetUtcNow();
            if (Refusal(commitment, letter, request.Outcome, now) is { } refusal)
            {
                return refusal;
            }

            var by = user.Identity?.Name ?? "unknown";
            commitment.State = request.Outcome;
            commitment.VerifiedBy = by;
            commitment.VerifiedAt = now;
            commitment.VerificationNote = request.Note.Trim();
            var subjectId = await db.Applications.Where(a => a.Id == commitment.ApplicationId).Select(a => a.SubjectId).FirstAsync(cancellationToken);
            if (request.Outcome == CommitmentState.Broken)
            {
                db.AddToOutbox(new CommitmentBroken
                {
                    ApplicationId = commitment.ApplicationId,
                    SubjectId = subjectId,
                    Identifier = commitment.Identifier,
                    CommitmentId = commitment.Id,
                    Promise = commitment.Promise,
                    Deadline = commitment.Deadline,
                    VerifiedAt = now,
                    VerifiedBy = by,
                }, clock);
            }
            else
            {
                db.AddToOutbox(new CommitmentKept
                {
                    ApplicationId = commitment.ApplicationId,
                    SubjectId = subjectId,
                    Identifier = commitment.Identifier,
                    CommitmentId = commitment.Id,
                    Promise = commitment.Promise,
                    Deadline = commitment.Deadline,
                    VerifiedAt = now,
                    VerifiedBy = by,
                }, clock);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok(CommitmentResponse.From(commitment, letter, now));
        });
    }

    private static ProblemHttpResult? Refusal(Commitment commitment, CommitmentLetter letter, CommitmentState outcome, DateTimeOffset now)
    {
        if (commitment.State != CommitmentState.Pending)
        {
            return Conflict("承诺已核查",
                $"该承诺已于 {ChinaDates.NumericWithTime(commitment.VerifiedAt!.Value)} 由 {commitment.VerifiedBy} 核定为{CommitmentResponse.NameOf(commitment.State)}，不能重复核查。");
        }

        if (!letter.IsSigned)
        {
            return Conflict("承诺书尚未签署", "信用承诺书尚未签署，承诺尚未生效，不能核查。");
        }

        // Documents can arrive early, and theft can be found any day; but a deadline promise is not broken before its deadline.
        if (outcome == CommitmentState.Broken && commitment.Kind == CommitmentKind.PropertyDocuments && now <= commitment.Deadline)
        {
            return Conflict("承诺期限未到",
                $"补齐产权证明的期限为 {ChinaDates.Numeric(commitment.Deadline)}，期限届满前不能核定为违诺。");
        }

        return null;
    }

    private static ProblemHttpResult Conflict(string title, string detail) => Problems.FieldConflict("outcome", title, detail);
}
