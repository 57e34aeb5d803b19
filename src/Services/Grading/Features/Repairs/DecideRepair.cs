using System.Security.Claims;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.Grades;
using CreditPower.Grading.Features.RuleSets;
using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Repairs;

public sealed record DecideRepairRequest
{
    public required bool Approved { get; init; }

    public required string Note { get; init; }
}

internal static class DecideRepair
{
    /// <summary>
    /// A supervisor decides a repair application. Approved: every negative event in force is marked 已修复 (kept in
    /// the archive, no longer counted) and the subject is re-graded with a one-colour upgrade allowed — one transaction.
    /// The conditions are checked again: a new event since the application can make it too early.
    /// </summary>
    public static async Task<Results<Ok<RepairResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, DecideRepairRequest request, ClaimsPrincipal user, GradingDbContext db, SubjectGrader grader, GradeCache cache,
        ActiveRuleSet activeRules, TimeProvider clock, CancellationToken cancellationToken)
    {
        var note = request.Note?.Trim() ?? "";
        if (note.Length is 0 or > 1000)
        {
            return Problems.Field("note", "决定说明不能为空，且不超过 1000 个字符。");
        }

        var actor = user.Identity?.Name ?? "unknown";
        var rules = await activeRules.GetAsync(cancellationToken);
        Subject? regraded = null;
        var strategy = db.Database.CreateExecutionStrategy();
        var refused = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Locked: two supervisors deciding at once cannot both act on it.
            var repair = await db.Repairs
                .FromSql($"""SELECT * FROM repair_requests WHERE "Id" = {id} FOR UPDATE""")
                .SingleOrDefaultAsync(cancellationToken);
            if (repair is null)
            {
                return (Results<Ok<RepairResponse>, NotFound, ValidationProblem, ProblemHttpResult>?)TypedResults.NotFound();
            }

            if (repair.Status != RepairStatus.Pending)
            {
                return TypedResults.Problem(
                    title: "修复申请已有决定",
                    detail: $"该修复申请已经处理完毕（{StatusLabels.For(repair.Status)}），不能再次决定。",
                    statusCode: StatusCodes.Status409Conflict);
            }

            var now = clock.GetUtcNow();
            var subject = await db.Subjects.Include(s => s.Accounts).SingleAsync(s => s.Id == repair.SubjectId, cancellationToken);
            if (request.Approved)
            {
                var ledger = await RepairLedger.ReadAsync(db, subject.Id, cancellationToken);
                if (RepairEligibility.RefusalFor(subject.Colour, ledger, rules, now) is { } refusal)
                {
                    return TypedResults.Problem(title: "暂不符合信用修复条件", detail: refusal, statusCode: StatusCodes.Status409Conflict);
                }

                foreach (var repaired in ledger.Where(e =>
                    e.Status == CreditEventStatus.InForce && RepairEligibility.IsNegative(e, rules) && e.ToScored().IsInForce(now)))
                {
                    repaired.Status = CreditEventStatus.Repaired;
                }
            }

            repair.Status = request.Approved ? RepairStatus.Approved : RepairStatus.Rejected;
            repair.DecidedBy = actor;
            repair.DecidedAt = now;
            repair.DecisionNote = note;

            // Flushed first: the grader reads the subject's events from the database, the repaired ones no longer in force.
            await db.SaveChangesAsync(cancellationToken);
            if (request.Approved)
            {
                await grader.RegradeAsync(subject, subject.Colour, cause: $"repair {repair.Id} approved", upgradeAllowed: true, cancellationToken);
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
        var read = await RepairResponse.ReadAsync(db, db.Repairs.Where(r => r.Id == id), cancellationToken);
        return TypedResults.Ok(read.Single());
    }
}
