using System.Globalization;
using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;
using CreditPower.Notifications.Channels;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using CreditPower.Notifications.Features.Dispatch;
using CreditPower.ServiceDefaults.Api;
using CreditPower.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CreditPower.Notifications.Features.Receipts;

internal static class ReceiveWeChatEvents
{
    private const string Success = "success";
    private static readonly XmlReaderSettings _xml = new() { Async = true, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    /// <summary>
    /// Applies WeChat's TEMPLATESENDJOBFINISH event (plaintext mode): the sent template message with that MsgID becomes
    /// Delivered (Status <c>success</c>) or Failed (<c>failed:…</c>, with the reason in Chinese), and
    /// NotificationDelivered / NotificationFailed go into the outbox with it. WeChat pushes again when unsure; an event for
    /// an entry already settled, for a MsgID we never sent, or of another kind changes nothing. WeChat expects
    /// <c>success</c> back whatever we made of it.
    /// </summary>
    public static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> Handle(
        HttpRequest request, NotificationsDbContext db, IConnectionMultiplexer redis, IOptions<WeChatOptions> wechat, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);

        // The signature covers the query, not the body: a signed query seen once (in a proxy's log, say) must not carry a
        // body of someone else's making. The first body under a timestamp and nonce is remembered for as long as the
        // timestamp is accepted; WeChat's own retries send that body again.
        var fingerprint = Convert.ToHexString(SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length)));
        var replayKey = $"notifications:wechat:event:{request.Query["timestamp"]}:{request.Query["nonce"]}";
        var cache = redis.GetDatabase();
        if (!await cache.StringSetAsync(replayKey, fingerprint, 2 * wechat.Value.EventTimestampTolerance, When.NotExists)
            && await cache.StringGetAsync(replayKey) != fingerprint)
        {
            return TypedResults.Problem(
                title: "签名已用于另一条事件", detail: "同一组签名参数只能对应一条事件内容，本次推送未处理。", statusCode: StatusCodes.Status401Unauthorized);
        }

        body.Position = 0;
        XElement? root;
        try
        {
            using var reader = XmlReader.Create(body, _xml);
            root = (await XDocument.LoadAsync(reader, LoadOptions.None, cancellationToken)).Root;
        }
        catch (XmlException ex)
        {
            return Problems.Field("$", $"事件不是合法的 XML（第 {ex.LineNumber} 行第 {ex.LinePosition} 列）。");
        }

        string Field(string name) => root?.Element(name)?.Value.Trim() ?? "";

        // The account's server URL receives every event and message; only the end of a template send job is ours.
        if (Field("MsgType") != "event" || Field("Event") != "TEMPLATESENDJOBFINISH")
        {
            return TypedResults.Text(Success);
        }

        var (msgId, status, openId) = (Field("MsgID"), Field("Status"), Field("FromUserName"));
        if (msgId.Length == 0 || status.Length == 0)
        {
            return Problems.Field(msgId.Length == 0 ? "MsgID" : "Status", "模板消息发送结果事件缺少该字段。");
        }

        // The body is not signed in plaintext mode: its time is taken only when it is no later than now.
        var now = clock.GetUtcNow();
        var at = long.TryParse(Field("CreateTime"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds <= now.ToUnixTimeSeconds()
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : now;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The event can outrun the dispatch round that sent the message: until that round commits, the entry is
            // Queued without its MsgID. Locking the recipient's queued WeChat entries waits for that commit, and
            // PostgreSQL then re-reads the row as committed, MsgID and all.
            var subjects = await db.WeChatBindings.AsNoTracking().Where(b => b.OpenId == openId).Select(b => b.SubjectId).ToArrayAsync(ct);
            var entries = await db.ContactLog
                .FromSql($"""
                    SELECT * FROM contact_log
                    WHERE "Channel" = 'WeChat' AND ("ProviderMessageId" = {msgId} OR ("Status" = 'Queued' AND "SubjectId" = ANY({subjects})))
                    ORDER BY "Id"
                    FOR UPDATE
                    """)
                .ToListAsync(ct);
            // Only the recipient's own message: the body is not signed, so a MsgID alone must not settle another's.
            if (entries.FirstOrDefault(e => e.ProviderMessageId == msgId && subjects.Contains(e.SubjectId)) is { Status: ContactStatus.Sent } entry)
            {
                if (status == Success)
                {
                    entry.Status = ContactStatus.Delivered;
                    entry.DeliveredAt = at;
                    db.AddToOutbox(DeliveryMessages.Delivered(entry, at), clock);
                }
                else
                {
                    entry.Status = ContactStatus.Failed;
                    entry.LastError = FailureReason(status);
                    db.AddToOutbox(DeliveryMessages.Failed(entry, entry.LastError, at), clock);
                }

                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }, cancellationToken);

        return TypedResults.Text(Success);
    }

    /// <summary>Why WeChat could not deliver, for staff, with WeChat's own Status kept for reference.</summary>
    internal static string FailureReason(string status) => status switch
    {
        "failed:user block" => "微信回执：用户已拒收本公众号的消息（failed:user block）",
        "failed: system failed" => "微信回执：因微信系统原因未送达（failed: system failed）",
        _ => $"微信回执：未送达（{(status.Length <= 100 ? status : status[..100])}）",
    };
}
