using System.Net.Http.Headers;
using CreditPower.Portal.Account;
using CreditPower.ServiceDefaults.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace CreditPower.Portal.Services;

/// <summary>
/// The portal's only way to a service API: each request carries a short-lived bearer token minted
/// for the signed-in staff member (user name, display name, roles), so the service authorises the
/// person, not the portal. The user comes from <see cref="AuthenticationStateProvider"/>, which
/// interactive circuits have and <c>HttpContext</c> does not.
/// </summary>
/// <example>
/// <code>
/// @inject ServiceApiClient Api
/// var grade = await Api.GetFromJsonAsync&lt;GradeView&gt;(PortalService.Grading, $"/api/subjects/{uscc}/grade", ct);
/// </code>
/// </example>
public sealed class ServiceApiClient(
    IHttpClientFactory httpClients, AuthenticationStateProvider authenticationState, ServiceTokenIssuer tokens)
{
    public async Task<HttpResponseMessage> SendAsync(
        PortalService service, HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        var state = await authenticationState.GetAuthenticationStateAsync();
        var staff = StaffIdentity.From(state.User)
            ?? throw new InvalidOperationException("Service APIs are called on behalf of a signed-in staff member, and none is signed in.");

        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Bearer", tokens.Issue(staff.UserName, staff.DisplayName, staff.Roles));
        return await httpClients.CreateClient(service.Name).SendAsync(request, cancellationToken);
    }

    /// <summary>GETs <paramref name="path"/> and reads the JSON body; a non-success status throws.</summary>
    public async Task<T?> GetFromJsonAsync<T>(PortalService service, string path, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendAsync(service, request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken);
    }

    /// <summary>POSTs <paramref name="body"/> as JSON; the caller reads the answer (problem details included).</summary>
    public async Task<HttpResponseMessage> PostAsJsonAsync<TBody>(
        PortalService service, string path, TBody body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        return await SendAsync(service, request, cancellationToken);
    }
}
