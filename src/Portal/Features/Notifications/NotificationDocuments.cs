using System.Net.Http.Headers;
using System.Security.Claims;
using CreditPower.Portal.Account;
using CreditPower.Portal.Services;
using CreditPower.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace CreditPower.Portal.Features.Notifications;

/// <summary>
/// Letter PDFs for the browser. An iframe or a new tab cannot carry the service token, so the portal fetches the PDF on
/// the signed-in person's behalf (their name and roles in the token, as every portal call) and streams it back.
/// </summary>
internal static class NotificationDocuments
{
    private static readonly string[] _readers = [Roles.Clerk, Roles.CreditOfficer, Roles.Supervisor, Roles.Admin];
    private static readonly string[] _printers = [Roles.Clerk, Roles.CreditOfficer];

    public static WebApplication MapNotificationDocuments(this WebApplication app)
    {
        app.MapGet("/notifications/letters/{id:guid}/pdf", LetterPdfAsync).RequireAuthorization(p => p.RequireRole(_readers));
        // A form post (antiforgery-checked), since printing marks the letters printed.
        app.MapPost("/notifications/letters/print", PrintAsync).RequireAuthorization(p => p.RequireRole(_printers));
        return app;
    }

    private static async Task<IResult> LetterPdfAsync(
        Guid id, ClaimsPrincipal user, IHttpClientFactory http, ServiceTokenIssuer tokens, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/letters/{id}/pdf");
        return await ForwardAsync(request, user, http, tokens, cancellationToken);
    }

    private static async Task<IResult> PrintAsync(
        [FromForm] Guid[]? letterIds, ClaimsPrincipal user, IHttpClientFactory http, ServiceTokenIssuer tokens, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/letters/print")
        {
            Content = JsonContent.Create(new { letterIds = letterIds ?? [] }),
        };
        return await ForwardAsync(request, user, http, tokens, cancellationToken);
    }

    private static async Task<IResult> ForwardAsync(
        HttpRequestMessage request, ClaimsPrincipal user, IHttpClientFactory http, ServiceTokenIssuer tokens, CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.From(user);
        if (staff is null)
        {
            return Results.Unauthorized();
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Issue(staff.UserName, staff.DisplayName, staff.Roles));
        using var response = await http.CreateClient(PortalService.Notifications.Name).SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return Results.File(await response.Content.ReadAsByteArrayAsync(cancellationToken), "application/pdf");
        }

        var problem = await Grading.ApiProblem.ReadAsync(response, cancellationToken);
        return Results.Text($"<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>{Encode(problem.Title)}</title>"
            + $"<body style=\"font-family: sans-serif; padding: 2em\"><h1>{Encode(problem.Title)}</h1><p>{Encode(problem.Summary())}</p>"
            + "<p><a href=\"/notifications/letters\">返回告知函列表</a></p></body></html>",
            "text/html; charset=utf-8", statusCode: (int)response.StatusCode);
    }

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
}
