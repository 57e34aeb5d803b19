using System.Security.Claims;
using CreditPower.Portal.Services;

namespace CreditPower.Portal.Features.Applications;

/// <summary>
/// File downloads (the commitment letter PDF, DRC batch files) as plain links: a browser download is an HTTP request,
/// which an interactive circuit cannot answer, so these endpoints relay the file from the Applications service
/// (<see cref="ServiceFileRelay"/>); the service decides who may have it.
/// </summary>
public static class ApplicationsDownloads
{
    public static IEndpointRouteBuilder MapApplicationsDownloads(this IEndpointRouteBuilder endpoints)
    {
        var files = endpoints.MapGroup("/applications/files").RequireAuthorization();
        files.MapGet("/{id:guid}/commitment-letter.pdf", (Guid id, ClaimsPrincipal user, HttpResponse response, ServiceFileRelay relay, CancellationToken ct) =>
                RelayAsync(relay, $"/api/applications/{id}/commitment-letter.pdf", user, response, ($"/applications/{id}", "返回申请详情"), ct))
            .WithName("DownloadCommitmentLetter").WithSummary("信用承诺书 PDF 下载");
        files.MapGet("/drc/{sequence:int}/{format}", (int sequence, string format, ClaimsPrincipal user, HttpResponse response, ServiceFileRelay relay, CancellationToken ct) =>
                RelayAsync(relay, $"/api/drc/commitment-batches/{sequence}/{Uri.EscapeDataString(format)}", user, response, ("/applications/drc", "返回报送批次列表"), ct))
            .WithName("DownloadDrcBatch").WithSummary("发改委报送批次文件下载");
        return endpoints;
    }

    private static async Task<IResult> RelayAsync(
        ServiceFileRelay relay, string path, ClaimsPrincipal user, HttpResponse response, (string, string) back, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await relay.RelayAsync(PortalService.Applications, request, user, response, back, cancellationToken);
    }
}
