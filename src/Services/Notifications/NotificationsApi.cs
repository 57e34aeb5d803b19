using CreditPower.Notifications.Features.ContactLog;
using CreditPower.ServiceDefaults.Security;

namespace CreditPower.Notifications;

internal static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Notifications");

        api.MapGet("/subjects/{subjectId:guid}/contact-log", GetContactLog.Handle)
            .WithName("GetContactLog").WithSummary("某信用主体的联系记录（短信、微信、电话、告知函）")
            .RequireAuthorization(p => p.RequireRole(Roles.Clerk, Roles.CreditOfficer, Roles.Supervisor, Roles.Admin));

        return app;
    }
}
