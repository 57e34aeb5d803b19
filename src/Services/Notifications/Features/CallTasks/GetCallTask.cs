using CreditPower.Notifications.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.CallTasks;

internal static class GetCallTask
{
    /// <summary>One call task with every attempt.</summary>
    public static async Task<Results<Ok<CallTaskResponse>, NotFound>> Handle(Guid id, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var task = await db.CallTasks.AsNoTracking().Include(t => t.Attempts).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        return task is null ? TypedResults.NotFound() : TypedResults.Ok(CallTaskResponse.From(task));
    }
}
