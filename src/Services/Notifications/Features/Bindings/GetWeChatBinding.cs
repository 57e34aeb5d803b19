using CreditPower.Notifications.Data;
using CreditPower.Notifications.Features.Dispatch;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.Bindings;

internal static class GetWeChatBinding
{
    public static async Task<Results<Ok<WeChatBindingResponse>, NotFound>> Handle(Guid subjectId, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var binding = await db.WeChatBindings.AsNoTracking().SingleOrDefaultAsync(b => b.SubjectId == subjectId, cancellationToken);
        return binding is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new WeChatBindingResponse(subjectId, Recipients.MaskOpenId(binding.OpenId), binding.ConsentedAt, binding.BoundAt, binding.BoundBy));
    }
}
