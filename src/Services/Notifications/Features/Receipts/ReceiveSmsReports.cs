using System.Globalization;
using System.Text.Json;
using CreditPower.Contracts;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using CreditPower.Notifications.Features.Dispatch;
using CreditPower.ServiceDefaults.Api;
using CreditPower.ServiceDefaults.Dates;
using CreditPower.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.Receipts;

internal static class ReceiveSmsReports
{
    // The provider may add fields; this endpoint must not refuse a receipt for that (the staff APIs are strict).
    private static readonly JsonSerializerOptions _lenient = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Applies delivery receipts: a sent SMS becomes Delivered (or Failed, with the carrier's code), and
    /// NotificationDelivered / NotificationFailed go into the outbox with it. Receipts repeat (Alibaba does not promise
    /// once): one for an entry already settled changes nothing. Answers in the shape the provider expects.
    /// </summary>
    public static async Task<Results<Ok<ReceiptAnswer>, ValidationProblem>> Handle(
        HttpRequest request, NotificationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        List<SmsReport>? reports;
        try
        {
            reports = await JsonSerializer.DeserializeAsync<List<SmsReport>>(request.Body, _lenient, cancellationToken);
        }
        catch (JsonException ex)
        {
            return Problems.Field("$", $"回执不是合法的 JSON 数组：{ex.Message}");
        }

        if (reports is null || reports.Count == 0)
        {
            return Problems.Field("$", "回执数组为空。");
        }

        var ids = reports.Select(r => Guid.TryParseExact(r.OutId, "N", out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToArray();
        var bizIds = reports.Where(r => !string.IsNullOrEmpty(r.BizId)).Select(r => r.BizId!).ToArray();
        // FOR UPDATE waits for a dispatch round still holding the row: a receipt can outrun the commit of "Sent".
        var entries = await db.ContactLog
            .FromSql($"""
                SELECT * FROM contact_log
                WHERE "Channel" = 'Sms' AND ("Id" = ANY({ids}) OR "ProviderMessageId" = ANY({bizIds}))
                FOR UPDATE
                """)
            .ToListAsync(cancellationToken);

        foreach (var report in reports)
        {
            var entry = entries.FirstOrDefault(e => e.Id.ToString("N") == report.OutId) ?? entries.FirstOrDefault(e => e.ProviderMessageId == report.BizId);
            if (entry is null || entry.Status != ContactStatus.Sent)
            {
                continue;
            }

            var at = ParseBeijing(report.ReportTime) ?? clock.GetUtcNow();
            if (report.Success)
            {
                entry.Status = ContactStatus.Delivered;
                entry.DeliveredAt = at;
                db.AddToOutbox(new NotificationDelivered
                {
                    NotificationId = entry.Id,
                    SubjectId = entry.SubjectId,
                    Channel = DispatchRound.ChannelName(entry.Channel),
                    Trigger = entry.Trigger,
                    TemplateCode = entry.TemplateCode,
                    ProviderMessageId = entry.ProviderMessageId ?? report.BizId ?? "",
                    DeliveredAt = at,
                }, clock);
            }
            else
            {
                entry.Status = ContactStatus.Failed;
                entry.LastError = $"运营商回执：{report.ErrCode} {report.ErrMsg}".Trim();
                db.AddToOutbox(new NotificationFailed
                {
                    NotificationId = entry.Id,
                    SubjectId = entry.SubjectId,
                    Channel = DispatchRound.ChannelName(entry.Channel),
                    Trigger = entry.Trigger,
                    TemplateCode = entry.TemplateCode,
                    Reason = entry.LastError,
                    GivenUp = false,
                    Attempts = entry.Attempts,
                    FailedAt = at,
                }, clock);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ReceiptAnswer(0, "接收成功"));
    }

    // Alibaba Cloud writes report times on the Beijing wall clock, without an offset.
    private static DateTimeOffset? ParseBeijing(string? value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? ChinaDates.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local))
            : null;
}
