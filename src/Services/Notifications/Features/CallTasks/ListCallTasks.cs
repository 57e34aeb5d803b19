using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.CallTasks;

internal static class ListCallTasks
{
    private const int MaxListed = 500;

    /// <summary>
    /// The staff work list: open tasks first, the most overdue at the top; then closed ones, the latest first.
    /// Optionally one status only, or one subject's tasks.
    /// </summary>
    public static async Task<Results<Ok<List<CallTaskResponse>>, ValidationProblem>> Handle(
        string? status, Guid? subjectId, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var tasks = db.CallTasks.AsNoTracking().Include(t => t.Attempts).AsQueryable();
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<CallTaskStatus>(status, ignoreCase: true, out var wanted) || !Enum.IsDefined(wanted) || int.TryParse(status, out _))
            {
                return Problems.Field("status", "状态应为 open、reached、wrongNumber、refused 或 unreached。");
            }

            tasks = tasks.Where(t => t.Status == wanted);
        }

        if (subjectId is { } subject)
        {
            tasks = tasks.Where(t => t.SubjectId == subject);
        }

        var listed = await tasks
            .OrderBy(t => t.Status == CallTaskStatus.Open ? 0 : 1)
            .ThenBy(t => t.Status == CallTaskStatus.Open ? t.DueAt : DateTimeOffset.MaxValue)
            .ThenByDescending(t => t.ClosedAt)
            .Take(MaxListed)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(listed.Select(CallTaskResponse.From).ToList());
    }
}
