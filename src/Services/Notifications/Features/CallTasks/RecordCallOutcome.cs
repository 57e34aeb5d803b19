using System.Security.Claims;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Api;
using CreditPower.ServiceDefaults.Dates;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.CallTasks;

public sealed record RecordCallOutcomeRequest
{
    public required CallOutcome Outcome { get; init; }

    public string? Notes { get; init; }
}

internal static class RecordCallOutcome
{
    public const int MaxNotesLength = 1000;

    /// <summary>
    /// A clerk or officer records how a call went. No answer schedules the next attempt (the next working day) until
    /// the last, which closes the task unreached; the contact log entry follows the task's state.
    /// </summary>
    public static async Task<Results<Ok<CallTaskResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, RecordCallOutcomeRequest request, ClaimsPrincipal user, NotificationsDbContext db, WorkingDayCalendar calendar,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var notes = request.Notes?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(request.Outcome))
        {
            errors["outcome"] = ["通话结果应为 reached（已接通）、noAnswer（无人接听）、wrongNumber（号码错误）或 refused（拒绝沟通）。"];
        }

        if (notes.Length > MaxNotesLength)
        {
            errors["notes"] = [$"通话记录不能超过 {MaxNotesLength} 个字符。"];
        }
        else if (notes.Length == 0 && request.Outcome is CallOutcome.WrongNumber or CallOutcome.Refused)
        {
            errors["notes"] = ["号码错误或拒绝沟通时须填写通话记录（例如对方的说法），便于后续核实联系方式。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Problems.InvalidTitle);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Locked: two clerks calling the same customer cannot both record the same attempt.
            var task = await db.CallTasks.FromSql($"""SELECT * FROM call_tasks WHERE "Id" = {id} FOR UPDATE""").SingleOrDefaultAsync(cancellationToken);
            if (task is null)
            {
                return (Results<Ok<CallTaskResponse>, NotFound, ValidationProblem, ProblemHttpResult>)TypedResults.NotFound();
            }

            await db.Entry(task).Collection(t => t.Attempts).LoadAsync(cancellationToken);
            if (task.Status != CallTaskStatus.Open)
            {
                return TypedResults.Problem(
                    title: "电话任务已结束",
                    detail: $"该任务已经结束（{CallTaskLabels.Status(task.Status)}），不能再登记通话结果。",
                    statusCode: StatusCodes.Status409Conflict);
            }

            var contactStatus = task.Record(request.Outcome, notes, user.Identity?.Name ?? "unknown", clock.GetUtcNow(), calendar);
            var entry = await db.ContactLog.SingleAsync(e => e.Id == task.ContactLogEntryId, cancellationToken);
            entry.Status = contactStatus;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok(CallTaskResponse.From(task));
        });
    }
}
