using System.Net;
using CreditPower.Portal.Features.Grading;
using CreditPower.Portal.Services;

namespace CreditPower.Portal.Features.Applications;

/// <summary>
/// Capacity pool calls to the Applications API through <see cref="ServiceApiClient"/>, answering with the value or the
/// problem the service sent (shown beside the field it names) instead of throwing.
/// </summary>
internal static class CapacityPoolCalls
{
    private static readonly ApiProblem _unreachable =
        new(0, "无法连接业扩报装服务", "业扩报装服务暂时无法访问，请稍后重试。", new Dictionary<string, string[]>());

    public static Task<ApiResult<T>> GetApplicationsAsync<T>(this ServiceApiClient api, string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(api, () => new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    public static Task<ApiResult<T>> PostApplicationsAsync<T>(this ServiceApiClient api, string path, object body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(api, () => new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }, cancellationToken);

    private static async Task<ApiResult<T>> SendAsync<T>(ServiceApiClient api, Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        try
        {
            using var request = create();
            using var response = await api.SendAsync(PortalService.Applications, request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new(default, await ApiProblem.ReadAsync(response, cancellationToken));
            }

            var value = response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0
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
