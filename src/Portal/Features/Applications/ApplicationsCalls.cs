using CreditPower.Portal.Features.Grading;
using CreditPower.Portal.Services;

namespace CreditPower.Portal.Features.Applications;

/// <summary>Applications calls (applications, commitments, capacity pool, DRC batches) through <see cref="ServiceCalls"/>.</summary>
internal static class ApplicationsCalls
{
    public static Task<ApiResult<T>> GetApplicationsAsync<T>(this ServiceApiClient api, string path, CancellationToken cancellationToken = default) =>
        api.SendAsync<T>(PortalService.Applications, HttpMethod.Get, path, null, cancellationToken);

    public static Task<ApiResult<T>> PostApplicationsAsync<T>(this ServiceApiClient api, string path, object body, CancellationToken cancellationToken = default) =>
        api.SendAsync<T>(PortalService.Applications, HttpMethod.Post, path, body, cancellationToken);
}
