using System.Globalization;
using System.Text;
using CreditPower.Applications.Data;
using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.DrcReport;

internal static class DownloadDrcBatch
{
    public const string ChecksumHeader = "X-Checksum-SHA256";

    /// <summary>A batch's file, byte for byte as written, with its SHA-256 in a header for the receiver to check.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> Handle(
        int sequence, string format, HttpContext http, ApplicationsDbContext db, CancellationToken cancellationToken)
    {
        if (format is not ("json" or "csv"))
        {
            return Problems.Field("format", "文件格式应为 json 或 csv。");
        }

        var batch = await db.DrcBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Sequence == sequence, cancellationToken);
        if (batch is null)
        {
            return TypedResults.NotFound();
        }

        var (text, checksum, type) = format == "json"
            ? (batch.Json, batch.JsonSha256, "application/json")
            : (batch.Csv, batch.CsvSha256, "text/csv");
        http.Response.Headers[ChecksumHeader] = checksum;
        return TypedResults.File(Encoding.UTF8.GetBytes(text), $"{type}; charset=utf-8",
            string.Create(CultureInfo.InvariantCulture, $"drc-commitment-letters-{batch.Sequence:D6}.{format}"));
    }
}
