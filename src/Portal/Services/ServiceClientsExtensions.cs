using System.Text;
using CreditPower.ServiceDefaults.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CreditPower.Portal.Services;

public static class ServiceClientsExtensions
{
    /// <summary>
    /// One named HttpClient per service (service discovery and resilience come from the service
    /// defaults), the token issuer that signs each call, the relay that hands their files to the browser, and the
    /// health probe the start page uses.
    /// </summary>
    public static IHostApplicationBuilder AddServiceClients(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServiceTokenOptions>()
            .BindConfiguration(ServiceTokenOptions.SectionName)
            .Validate(
                o => Encoding.UTF8.GetByteCount(o.SigningKey) >= ServiceTokenOptions.MinimumKeyLength,
                $"{ServiceTokenOptions.SectionName}:SigningKey is missing or shorter than {ServiceTokenOptions.MinimumKeyLength} bytes.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ServiceTokenIssuer>();

        foreach (var service in PortalService.All)
        {
            builder.Services.AddHttpClient(service.Name, http => http.BaseAddress = service.BaseAddress);
            // A probe reports what it sees: no retries, no circuit breaker. RemoveAllResilienceHandlers is
            // marked experimental, but it is the one way to opt a client out of ConfigureHttpClientDefaults.
#pragma warning disable EXTEXP0001
            builder.Services.AddHttpClient(service.HealthClientName, http =>
                {
                    http.BaseAddress = service.BaseAddress;
                    http.Timeout = ServiceHealthProbe.Timeout;
                })
                .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        }

        builder.Services.AddScoped<ServiceApiClient>();
        builder.Services.AddSingleton<ServiceFileRelay>();
        builder.Services.AddSingleton<ServiceHealthProbe>();
        return builder;
    }
}
