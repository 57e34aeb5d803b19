using CreditPower.Portal.Account;
using CreditPower.Portal.Services;
using CreditPower.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreditPower.Portal.Features.Applications;

/// <summary>
/// File downloads (the commitment letter PDF, DRC batch files) as plain links: a browser download is an HTTP request,
/// which an interactive circuit cannot answer, so these endpoints relay the file from the Applications service with
/// the signed-in staff member's own token; the service decides who may have it.
/// </summary>
public static class ApplicationsDownloads
{
    public static IEndpointRouteBuilder MapApplicationsDownloads(this IEndpointRouteBuilder endpoints)
    {
        var files = endpoints.MapGroup("/applications/files").RequireAuthorization();
        files.MapGet("/{id:guid}/commitment-letter.pdf", (Guid id, HttpContext http, IHttpClientFactory clients, ServiceTokenIssuer tokens, CancellationToken ct) =>
                RelayAsync($"/api/applications/{id}/commitment-letter.pdf", http, clients, tokens, ct))
            .WithName("DownloadCommitmentLetter").WithSummary("信用承诺书 PDF 下载");
        files.MapGet("/drc/{sequence:int}/{format}", (int sequence, string format, HttpContext http, IHttpClientFactory clients, ServiceTokenIssuer tokens, CancellationToken ct) =>
                RelayAsync($"/api/drc/commitment-batches/{sequence}/{Uri.EscapeDataString(format)}", http, clients, tokens, ct))
            .WithName("DownloadDrcBatch").WithSummary("发改委报送批次文件下载");
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult>> RelayAsync(
        string path, HttpContext http, IHttpClientFactory clients, ServiceTokenIssuer tokens, CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.From(http.User);
        if (staff is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status401Unauthorized);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", tokens.Issue(staff.UserName, staff.DisplayName, staff.Roles));
        using var response = await clients.CreateClient(PortalService.Applications.Name).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return TypedResults.StatusCode((int)response.StatusCode);
        }

        if (response.Headers.TryGetValues("X-Checksum-SHA256", out var checksum))
        {
            http.Response.Headers["X-Checksum-SHA256"] = checksum.First();
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var type = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "download";
        return TypedResults.File(bytes, type, name);
    }
}
