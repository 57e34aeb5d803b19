using CreditPower.Portal.Features.PublicCriteria;

namespace CreditPower.Portal.Services;

/// <summary>
/// Reads Grading's public criteria for the public page. No one is signed in there, so, unlike
/// <see cref="ServiceApiClient"/>, it sends no token: the endpoint is the one Grading API open to anyone.
/// </summary>
public sealed class PublicCriteriaClient(IHttpClientFactory httpClients)
{
    public const string ClientName = "grading-public";

    public async Task<PublicCriteriaView?> GetAsync(CancellationToken cancellationToken = default)
    {
        using var response = await httpClients.CreateClient(ClientName).GetAsync("/api/public/criteria", cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<PublicCriteriaView>(cancellationToken);
    }
}

public static class PublicCriteriaClientExtensions
{
    /// <summary>A named client for Grading without the staff token handler, and the reader that uses it.</summary>
    public static IHostApplicationBuilder AddPublicCriteriaClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(PublicCriteriaClient.ClientName, http => http.BaseAddress = PortalService.Grading.BaseAddress);
        builder.Services.AddSingleton<PublicCriteriaClient>();
        return builder;
    }
}
