using System.Security.Claims;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Api;
using CreditPower.ServiceDefaults.Dates;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.Letters;

public sealed record RecordReceiptRequest
{
    /// <summary>Who signed the receipt (送达回证签收人).</summary>
    public required string SignedBy { get; init; }

    public required DateOnly SignedOn { get; init; }
}

internal static class RecordReceipt
{
    /// <summary>Records the signed receipt of a sent letter; its contact log entry becomes delivered. Recorded once.</summary>
    public static async Task<Results<Ok<LetterResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, RecordReceiptRequest request, ClaimsPrincipal user, NotificationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var signedBy = request.SignedBy?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (signedBy.Length is 0 or > 100)
        {
            errors["signedBy"] = ["签收人不能为空，且不超过 100 个字符。"];
        }

        var now = clock.GetUtcNow();
        if (request.SignedOn > ChinaDates.Day(now))
        {
            errors["signedOn"] = ["签收日期不能晚于今天。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Problems.InvalidTitle);
        }

        var letter = await db.Letters.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (letter is null)
        {
            return TypedResults.NotFound();
        }

        if (letter.SentOn is not { } sentOn)
        {
            return TypedResults.Problem(title: "告知函尚未发出", detail: "请先登记送达方式和发出日期，再登记回执。", statusCode: StatusCodes.Status409Conflict);
        }

        if (letter.ReceiptSignedBy is not null)
        {
            return TypedResults.Problem(
                title: "回执已登记",
                detail: $"该告知函已于 {ChinaDates.Format(letter.ReceiptSignedOn!.Value)} 由{letter.ReceiptSignedBy}签收。",
                statusCode: StatusCodes.Status409Conflict);
        }

        if (request.SignedOn < sentOn)
        {
            return Problems.Field("signedOn", $"签收日期不能早于发出日期（{ChinaDates.Format(sentOn)}）。");
        }

        letter.ReceiptSignedBy = signedBy;
        letter.ReceiptSignedOn = request.SignedOn;
        letter.ReceiptRecordedBy = user.Identity?.Name ?? "unknown";
        letter.ReceiptRecordedAt = now;
        var entry = await db.ContactLog.SingleAsync(e => e.Id == letter.ContactLogEntryId, cancellationToken);
        entry.Status = ContactStatus.Delivered;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(LetterResponse.From(letter, entry.Status));
    }
}
