using System.Security.Claims;
using CreditPower.Portal.Services;
using CreditPower.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace CreditPower.Portal.Features.Notifications;

/// <summary>Notice letter PDFs for the browser, relayed from the Notifications service (<see cref="ServiceFileRelay"/>).</summary>
internal static class NotificationDocuments
{
    private static readonly string[] _readers = [Roles.Clerk, Roles.CreditOfficer, Roles.Supervisor, Roles.Admin];
    private static readonly string[] _printers = [Roles.Clerk, Roles.CreditOfficer];
    private static readonly (string, string) _backToLetters = ("/notifications/letters", "返回告知函列表");

    public static WebApplication MapNotificationDocuments(this WebApplication app)
    {
        app.MapGet("/notifications/letters/{id:guid}/pdf", LetterPdfAsync).RequireAuthorization(p => p.RequireRole(_readers));
        // A form post (antiforgery-checked), since printing marks the letters printed.
        app.MapPost("/notifications/letters/print", PrintAsync).RequireAuthorization(p => p.RequireRole(_printers));
        return app;
    }

    private static async Task<IResult> LetterPdfAsync(
        Guid id, ClaimsPrincipal user, HttpResponse response, ServiceFileRelay files, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/letters/{id}/pdf");
        return await files.RelayAsync(PortalService.Notifications, request, user, response, _backToLetters, cancellationToken);
    }

    private static async Task<IResult> PrintAsync(
        [FromForm] Guid[]? letterIds, ClaimsPrincipal user, HttpResponse response, ServiceFileRelay files, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/letters/print")
        {
            Content = JsonContent.Create(new { letterIds = letterIds ?? [] }),
        };
        return await files.RelayAsync(PortalService.Notifications, request, user, response, _backToLetters, cancellationToken);
    }
}
