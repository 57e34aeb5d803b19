using System.Security.Claims;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.Preferences;

public sealed record SetChannelPreferencesRequest
{
    public bool? SmsEnabled { get; init; }
    public bool? WeChatEnabled { get; init; }
}

internal static class SetChannelPreferences
{
    /// <summary>Records the customer's choice; it applies to every entry sent from now on, queued ones included.</summary>
    public static async Task<Results<Ok<ChannelPreferencesResponse>, ValidationProblem>> Handle(
        Guid subjectId, SetChannelPreferencesRequest request, NotificationsDbContext db, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.SmsEnabled is null)
        {
            errors["smsEnabled"] = ["请选择是否接收短信通知。"];
        }

        if (request.WeChatEnabled is null)
        {
            errors["weChatEnabled"] = ["请选择是否接收微信通知。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Problems.InvalidTitle);
        }

        var preference = await db.ChannelPreferences.SingleOrDefaultAsync(p => p.SubjectId == subjectId, cancellationToken);
        if (preference is null)
        {
            preference = new ChannelPreference { SubjectId = subjectId, UpdatedBy = "" };
            db.ChannelPreferences.Add(preference);
        }

        preference.SmsEnabled = request.SmsEnabled!.Value;
        preference.WeChatEnabled = request.WeChatEnabled!.Value;
        preference.UpdatedAt = clock.GetUtcNow();
        preference.UpdatedBy = user.Identity?.Name ?? "unknown";
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ChannelPreferencesResponse(subjectId, preference.SmsEnabled, preference.WeChatEnabled, preference.UpdatedAt, preference.UpdatedBy));
    }
}
