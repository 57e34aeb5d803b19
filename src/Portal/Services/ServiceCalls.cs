using System.Net;
using CreditPower.Portal.Features.Grading;

namespace CreditPower.Portal.Services;

/// <summary>
/// A call to any service through <see cref="ServiceApiClient"/>, answering with the value or the problem the service
/// sent (which the pages show beside the field it names) instead of throwing; an unreachable service is named.
/// </summary>
internal static class ServiceCalls
{
    public static async Task<ApiResult<T>> SendAsync<T>(
        this ServiceApiClient api, PortalService service, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await api.SendAsync(service, request, cancellationToken);
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
            return new(default, new ApiProblem(0, $"无法连接{service.DisplayName}", $"{service.DisplayName}暂时无法访问，请稍后重试。",
                new Dictionary<string, string[]>()));
        }
    }
}
