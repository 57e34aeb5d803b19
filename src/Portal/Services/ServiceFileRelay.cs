using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using CreditPower.Portal.Account;
using CreditPower.Portal.Features.Grading;
using CreditPower.ServiceDefaults.Security;

namespace CreditPower.Portal.Services;

/// <summary>
/// A service's file (a notice letter PDF, a commitment letter, a DRC batch file) for the browser. A link, an iframe or a
/// form post cannot carry the service token, so the portal asks on the signed-in staff member's behalf (their name and
/// roles in the token, as every portal call) and relays the answer as the service gave it: the bytes, their type, the
/// disposition (open in place, or save under a name) and the checksum header. The service decides who may have it. When
/// it refuses, fails or cannot be reached, the browser gets a page in Chinese saying why, with a way back.
/// </summary>
public sealed class ServiceFileRelay(IHttpClientFactory clients, ServiceTokenIssuer tokens)
{
    // The DRC batch files carry their SHA-256 in this header, so whoever saved the file can check it against the list.
    private const string ChecksumHeader = "X-Checksum-SHA256";

    /// <summary>
    /// Sends <paramref name="request"/> to <paramref name="service"/> as <paramref name="user"/> and relays the file into
    /// <paramref name="relayed"/>; on a refusal or failure, an error page whose link leads <paramref name="back"/> (the
    /// page the file was asked for from).
    /// </summary>
    public async Task<IResult> RelayAsync(
        PortalService service, HttpRequestMessage request, ClaimsPrincipal user, HttpResponse relayed, (string Href, string Text) back,
        CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.From(user);
        if (staff is null)
        {
            return Results.Unauthorized();
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Issue(staff.UserName, staff.DisplayName, staff.Roles));
        try
        {
            using var response = await clients.CreateClient(service.Name).SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var problem = await ApiProblem.ReadAsync(response, cancellationToken);
                var summary = problem.Summary();
                return ErrorPage(problem.Title, summary == problem.Title ? "文件获取失败，请返回上一页重试。" : summary, (int)response.StatusCode, back);
            }

            if (response.Headers.TryGetValues(ChecksumHeader, out var checksum))
            {
                relayed.Headers[ChecksumHeader] = checksum.First();
            }

            if (response.Content.Headers.ContentDisposition is { } disposition)
            {
                relayed.Headers.ContentDisposition = disposition.ToString();
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return Results.Bytes(bytes, response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream");
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
                                   || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Unreachable, timed out, or its circuit open after repeated failures: the same page either way.
            return ErrorPage($"无法连接{service.DisplayName}", $"{service.DisplayName}暂时无法访问，请稍后重试。", StatusCodes.Status502BadGateway, back);
        }
    }

    // A whole page, not a fragment: it may open in a tab of its own or in an iframe; its link leaves the iframe.
    private static IResult ErrorPage(string title, string message, int status, (string Href, string Text) back) => Results.Content(
        $"<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>{Encode(title)}</title>"
            + $"<body style=\"font-family: sans-serif; padding: 2em\"><h1>{Encode(title)}</h1><p data-testid=\"file-problem\">{Encode(message)}</p>"
            + $"<p><a href=\"{Encode(back.Href)}\" target=\"_top\">{Encode(back.Text)}</a></p></body></html>",
        "text/html; charset=utf-8", statusCode: status);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
