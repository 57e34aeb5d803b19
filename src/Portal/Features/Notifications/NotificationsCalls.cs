using System.Net;
using CreditPower.Portal.Features.Grading;
using CreditPower.Portal.Services;

namespace CreditPower.Portal.Features.Notifications;

/// <summary>Notifications calls through <see cref="ServiceApiClient"/>, answering with the value or the problem instead of throwing.</summary>
internal static class NotificationsCalls
{
    private static readonly ApiProblem _unreachable =
        new(0, "无法连接催缴告知服务", "催缴告知服务暂时无法访问，请稍后重试。", new Dictionary<string, string[]>());

    public static Task<ApiResult<T>> GetNotificationsAsync<T>(this ServiceApiClient api, string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(api, () => new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    public static Task<ApiResult<T>> PostNotificationsAsync<T>(this ServiceApiClient api, string path, object body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(api, () => new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }, cancellationToken);

    public static Task<ApiResult<T>> PutNotificationsAsync<T>(this ServiceApiClient api, string path, object body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(api, () => new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) }, cancellationToken);

    private static async Task<ApiResult<T>> SendAsync<T>(ServiceApiClient api, Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        try
        {
            using var request = create();
            using var response = await api.SendAsync(PortalService.Notifications, request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new(default, await ApiProblem.ReadAsync(response, cancellationToken));
            }

            var value = response.StatusCode == HttpStatusCode.NoContent
                ? default
                : await response.Content.ReadFromJsonAsync<T>(GradingJson.Options, cancellationToken);
            return new(value, null);
        }
        catch (HttpRequestException)
        {
            return new(default, _unreachable);
        }
    }
}
