using CreditPower.ServiceDefaults.Dates;

namespace CreditPower.Portal.Services;

public enum ServiceHealthStatus
{
    Checking,
    Healthy,
    Unhealthy,
}

/// <summary>One probe's answer; <c>Detail</c> says why a service is unhealthy, in Chinese.</summary>
public sealed record ServiceHealth(PortalService Service, ServiceHealthStatus Status, string? Detail, DateTimeOffset? CheckedAt);

/// <summary>
/// Asks a service's anonymous <c>/health</c> endpoint, from the server, through service discovery.
/// No retries (a probe reports what it sees) and a short timeout, so one dead service never holds the page.
/// </summary>
public sealed class ServiceHealthProbe(IHttpClientFactory httpClients, TimeProvider clock, ILogger<ServiceHealthProbe> logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<ServiceHealth> ProbeAsync(PortalService service, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(service.HealthClientName);
        try
        {
            using var response = await client.GetAsync(ServiceDefaults.Extensions.HealthPath, cancellationToken);
            return response.IsSuccessStatusCode
                ? Result(ServiceHealthStatus.Healthy, null)
                : Result(ServiceHealthStatus.Unhealthy, $"健康检查返回 {(int)response.StatusCode}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Result(ServiceHealthStatus.Unhealthy, "响应超时");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Refused connections and unresolvable service names both land here.
            logger.LogInformation("Health probe of {Service} failed: {Reason}", service.Name, ex.Message);
            return Result(ServiceHealthStatus.Unhealthy, "无法连接");
        }

        ServiceHealth Result(ServiceHealthStatus status, string? detail) => new(service, status, detail, ChinaDates.Now(clock));
    }
}
