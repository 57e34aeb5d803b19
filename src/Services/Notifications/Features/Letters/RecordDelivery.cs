using System.Security.Claims;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Api;
using CreditPower.ServiceDefaults.Dates;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.Letters;

public sealed record RecordDeliveryRequest
{
    public required DeliveryMethod Method { get; init; }

    /// <summary>The postal tracking number (挂号信, EMS); none for delivery in person.</summary>
    public string? TrackingNumber { get; init; }

    public required DateOnly SentOn { get; init; }
}

internal static class RecordDelivery
{
    /// <summary>Records how a letter was sent; its contact log entry becomes sent. A correction before the receipt is allowed.</summary>
    public static async Task<Results<Ok<LetterResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, RecordDeliveryRequest request, ClaimsPrincipal user, NotificationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var tracking = request.TrackingNumber?.Trim();
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(request.Method))
        {
            errors["method"] = ["送达方式应为 registeredMail（挂号信）、ems（EMS 特快专递）或 inPerson（当面送达）。"];
        }
        else if (request.Method is DeliveryMethod.RegisteredMail or DeliveryMethod.Ems && string.IsNullOrEmpty(tracking))
        {
            errors["trackingNumber"] = ["邮寄送达须填写邮件单号。"];
        }

        if (tracking is { Length: > 64 })
        {
            errors["trackingNumber"] = ["邮件单号不能超过 64 个字符。"];
        }

        var today = ChinaDates.Today(clock);
        if (request.SentOn > today)
        {
            errors["sentOn"] = ["发出日期不能晚于今天。"];
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

        if (letter.ReceiptSignedBy is not null)
        {
            return TypedResults.Problem(title: "告知函已签收", detail: "已登记回执的告知函不能再修改送达方式。", statusCode: StatusCodes.Status409Conflict);
        }

        if (request.SentOn < ChinaDates.Day(letter.IssuedAt))
        {
            return Problems.Field("sentOn", $"发出日期不能早于告知函的发文日期（{ChinaDates.Format(letter.IssuedAt)}）。");
        }

        letter.DeliveryMethod = request.Method;
        letter.TrackingNumber = string.IsNullOrEmpty(tracking) ? null : tracking;
        letter.SentOn = request.SentOn;
        letter.DeliveryRecordedBy = user.Identity?.Name ?? "unknown";
        var entry = await db.ContactLog.SingleAsync(e => e.Id == letter.ContactLogEntryId, cancellationToken);
        entry.Status = ContactStatus.Sent;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(LetterResponse.From(letter, entry.Status));
    }
}
