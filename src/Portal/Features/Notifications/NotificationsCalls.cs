using CreditPower.Portal.Features.Grading;
using CreditPower.Portal.Services;

namespace CreditPower.Portal.Features.Notifications;

/// <summary>Notifications calls (contact log, call tasks, letters, templates) through <see cref="ServiceCalls"/>.</summary>
internal static class NotificationsCalls
{
    public static Task<ApiResult<T>> GetNotificationsAsync<T>(this ServiceApiClient api, string path, CancellationToken cancellationToken = default) =>
        api.SendAsync<T>(PortalService.Notifications, HttpMethod.Get, path, null, cancellationToken);

    public static Task<ApiResult<T>> PostNotificationsAsync<T>(this ServiceApiClient api, string path, object body, CancellationToken cancellationToken = default) =>
        api.SendAsync<T>(PortalService.Notifications, HttpMethod.Post, path, body, cancellationToken);

    public static Task<ApiResult<T>> PutNotificationsAsync<T>(this ServiceApiClient api, string path, object body, CancellationToken cancellationToken = default) =>
        api.SendAsync<T>(PortalService.Notifications, HttpMethod.Put, path, body, cancellationToken);
}
