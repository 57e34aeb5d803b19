using CreditPower.Notifications.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.Preferences;

internal static class GetChannelPreferences
{
    public static async Task<Ok<ChannelPreferencesResponse>> Handle(Guid subjectId, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var preference = await db.ChannelPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.SubjectId == subjectId, cancellationToken);
        return TypedResults.Ok(preference is null
            ? new ChannelPreferencesResponse(subjectId, true, true, null, null)
            : new ChannelPreferencesResponse(subjectId, preference.SmsEnabled, preference.WeChatEnabled, preference.UpdatedAt, preference.UpdatedBy));
    }
}
