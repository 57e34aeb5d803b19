using CreditPower.Notifications.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.Bindings;

internal static class UnbindWeChat
{
    /// <summary>Removes the binding: WeChat entries queued afterwards fail as "not bound" instead of being sent.</summary>
    public static async Task<Results<NoContent, NotFound>> Handle(Guid subjectId, NotificationsDbContext db, CancellationToken cancellationToken) =>
        await db.WeChatBindings.Where(b => b.SubjectId == subjectId).ExecuteDeleteAsync(cancellationToken) == 0
            ? TypedResults.NotFound()
            : TypedResults.NoContent();
}
