using System.Security.Claims;
using CreditPower.Applications.Data;
using CreditPower.Applications.Domain;
using CreditPower.Applications.Features.Intake;
using CreditPower.ServiceDefaults.Api;
using CreditPower.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using AdvanceResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<CreditPower.Applications.Features.Intake.ApplicationDetailResponse>,
    Microsoft.AspNetCore.Http.HttpResults.NotFound,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace CreditPower.Applications.Features.Lifecycle;

public sealed record AdvanceStageRequest
{
    /// <summary>The stage the caller means to enter; it must be the next one, so a stale screen cannot skip or repeat a stage.</summary>
    public required ApplicationStage ToStage { get; init; }

    public string? Note { get; init; }
}

internal static class AdvanceStage
{
    /// <summary>
    /// Moves an application to its next stage, strictly in order and only by a role that completes the current stage
    /// (<see cref="Stages"/>); anything else is refused with the reason and changes nothing.
    /// </summary>
    public static async Task<AdvanceResult> Handle(
        Guid id, AdvanceStageRequest request, ClaimsPrincipal user, ApplicationsDbContext db, StageClock stageClock, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(request.ToStage))
        {
            return Problems.Field("toStage", "未知的环节。");
        }

        if (request.Note is { Length: > 500 })
        {
            return Problems.Field("note", "备注不超过 500 个字符。");
        }

        var identifier = await db.Applications.Where(a => a.Id == id).Select(a => a.Identifier).FirstOrDefaultAsync(cancellationToken);
        if (identifier is null)
        {
            return TypedResults.NotFound();
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var (refusal, movedAt) = await strategy.ExecuteAsync(async Task<(ProblemHttpResult? Refusal, DateTimeOffset MovedAt)> () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The colour consumer writes GreenChannel and the due time under the same lock: a move never uses a stale limit.
            await db.LockSubjectAsync(identifier, cancellationToken);
            var application = await db.Applications.Include(a => a.Timeline).FirstAsync(a => a.Id == id, cancellationToken);

            if (await RefusalAsync(application, request.ToStage, user, db, cancellationToken) is { } refused)
            {
                return (refused, default);
            }

            var from = application.Stage;
            var role = Stages.Rule(from).CompletedBy.First(user.IsInRole);
            var now = clock.GetUtcNow();
            stageClock.Enter(application, request.ToStage, now, user.Identity?.Name ?? "unknown", role, request.Note?.Trim());
            db.AddToOutbox(StageEvents.Changed(application, from, now), clock);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (null, now);
        });
        if (refusal is not null)
        {
            return refusal;
        }

        // Read outside the retried block: a transient failure here must not make a move that happened look refused.
        return TypedResults.Ok(await ApplicationDetailResponse.LoadAsync(db, id, movedAt, cancellationToken));
    }

    private static async Task<ProblemHttpResult?> RefusalAsync(
        ConnectionApplication application, ApplicationStage to, ClaimsPrincipal user, ApplicationsDbContext db, CancellationToken cancellationToken)
    {
        var next = Stages.Next(application.Stage);
        if (next is null)
        {
            return Conflict("申请已办结", $"申请已处于“{Stages.Name(application.Stage)}”，没有下一环节。", "toStage");
        }

        if (to != next)
        {
            return Conflict("环节顺序不符",
                $"申请当前处于“{Stages.Name(application.Stage)}”，下一环节只能是“{Stages.Name(next.Value)}”，不能进入“{Stages.Name(to)}”。", "toStage");
        }

        if (!Stages.Rule(application.Stage).CompletedBy.Any(user.IsInRole))
        {
            return Problems.FieldRefused(StatusCodes.Status403Forbidden, "toStage", "无权办理此环节",
                $"“{Stages.Name(application.Stage)}”环节只能由{Stages.CompletedByNames(application.Stage)}办结。", "当前角色不能办结本环节。");
        }

        if (application.Stage == ApplicationStage.Accepted && application.CreditPath
            && !await db.CommitmentLetters.AnyAsync(l => l.ApplicationId == application.Id && l.SignedAt != null, cancellationToken))
        {
            return Conflict("信用承诺书尚未签署", "本申请以信用承诺方式办理，须先登记信用承诺书的签署，才能进入现场勘查。", "toStage");
        }

        return null;
    }

    private static ProblemHttpResult Conflict(string title, string detail, string field) => Problems.FieldConflict(field, title, detail);
}
