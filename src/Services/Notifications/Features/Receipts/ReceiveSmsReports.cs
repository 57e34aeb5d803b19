using System.Globalization;
using System.Text.Json;
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

        var ids = reports.Select(OutId).OfType<Guid>().Distinct().ToArray();
        var bizIds = reports.Select(r => r.BizId).OfType<string>().Where(b => b.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            // FOR UPDATE waits for a dispatch round still holding the row: a receipt can outrun the commit of "Sent". The
            // locks are held to this commit, so a repeat of the receipt arriving meanwhile finds the entry settled.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var entries = await db.ContactLog
                .FromSql($"""
                    SELECT * FROM contact_log
                    WHERE "Channel" = 'Sms' AND ("Id" = ANY({ids}) OR "ProviderMessageId" = ANY({bizIds}))
                    ORDER BY "Id"
                    FOR UPDATE
                    """)
                .ToListAsync(ct);
            var byId = entries.ToDictionary(e => e.Id);
            var byBizId = new Dictionary<string, ContactLogEntry>(StringComparer.Ordinal);
            foreach (var entry in entries.Where(e => e.ProviderMessageId is not null))
            {
                byBizId.TryAdd(entry.ProviderMessageId!, entry);
            }

            foreach (var report in reports)
            {
                // The OutId we sent is the entry's id; the BizId finds an entry whose receipt came without it.
                var entry = OutId(report) is { } id && byId.TryGetValue(id, out var byOutId) ? byOutId
                    : report.BizId is { } bizId ? byBizId.GetValueOrDefault(bizId) : null;
                if (entry is null || entry.Status != ContactStatus.Sent)
                {
                    continue;
                }

                var at = ParseBeijing(report.ReportTime) ?? clock.GetUtcNow();
                if (report.Success)
                {
                    entry.Status = ContactStatus.Delivered;
                    entry.DeliveredAt = at;
                    db.AddToOutbox(DeliveryMessages.Delivered(entry, at), clock);
                }
                else
                {
                    entry.Status = ContactStatus.Failed;
                    entry.LastError = $"运营商回执：{report.ErrCode} {report.ErrMsg}".Trim();
                    db.AddToOutbox(DeliveryMessages.Failed(entry, entry.LastError, at), clock);
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);

        return TypedResults.Ok(new ReceiptAnswer(0, "接收成功"));
    }

    private static Guid? OutId(SmsReport report) => Guid.TryParseExact(report.OutId, "N", out var id) ? id : null;

    // Alibaba Cloud writes report times on the Beijing wall clock, without an offset.
    private static DateTimeOffset? ParseBeijing(string? value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? ChinaDates.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local))
            : null;
}
