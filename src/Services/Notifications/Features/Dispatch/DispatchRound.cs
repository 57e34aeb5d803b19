using System.Collections.Concurrent;
using CreditPower.Notifications.Channels;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreditPower.Notifications.Features.Dispatch;

/// <summary>
/// One round of the dispatcher: claims due SMS/WeChat entries with <c>FOR UPDATE SKIP LOCKED</c> (replicas take
/// different rows), holds them over quiet hours, resolves each recipient now (contact read model, WeChat binding,
/// channel preferences), sends under the provider's cap, and records the outcome — with NotificationFailed in the
/// outbox — in the same transaction that held the rows. A process dying mid-round leaves its rows queued: they are sent
/// again (at least once; the provider's OutId lets a duplicate be traced).
/// </summary>
internal sealed class DispatchRound(
    NotificationsDbContext db,
    AliyunSmsClient sms,
    WeChatClient wechat,
    ProviderRateLimiter rateLimiter,
    IOptions<DispatchOptions> options,
    TimeProvider clock)
{
    private const string SmsProvider = "aliyun-sms";
    private const string WeChatProvider = "wechat";

    private readonly DispatchOptions _options = options.Value;

    /// <summary>Sends what is due; returns how many entries it claimed (0: nothing due, wait for a signal).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            var due = await db.ContactLog
                .FromSqlRaw(
                    $$"""
                    SELECT * FROM contact_log
                    WHERE {{ContactLogEntryConfiguration.DispatchQueue}} AND "NextAttemptAt" <= {0}
                    ORDER BY "NextAttemptAt" LIMIT {1} FOR UPDATE SKIP LOCKED
                    """, now, _options.BatchSize)
                .ToListAsync(ct);
            if (due.Count == 0)
            {
                await transaction.CommitAsync(ct);
                return 0;
            }

            if (_options.QuietHoursEnabled && QuietHours.HeldUntil(now, _options.QuietHoursStart, _options.QuietHoursEnd) is { } morning)
            {
                var reason = QuietHours.HeldReason(_options.QuietHoursStart, _options.QuietHoursEnd, morning);
                foreach (var entry in due)
                {
                    entry.NextAttemptAt = morning;
                    entry.LastError = reason;
                }
            }
            else
            {
                await SendAsync(due, now, ct);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return due.Count;
        }, cancellationToken);
    }

    private async Task SendAsync(List<ContactLogEntry> due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The first burst's SMS permits are asked for while the recipients are read, since both are on every SMS's path; an
        // entry refused below leaves its permit unused, which only lowers the rate.
        var smsDue = Math.Min(due.Count(e => e.Channel == Channel.Sms), ProviderRateLimiter.MaxAtOnce(_options.SmsPerSecond));
        Task? smsPermits = smsDue > 0 ? rateLimiter.WaitAsync(SmsProvider, _options.SmsPerSecond, smsDue, cancellationToken) : null;
        Dictionary<Guid, Recipients.Reach> reach;
        try
        {
            reach = await Recipients.LookUpAsync(db, [.. due.Select(e => e.SubjectId).Distinct()], cancellationToken);
        }
        catch
        {
            await (smsPermits ?? Task.CompletedTask).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        var sends = new List<(ContactLogEntry Entry, string To)>();
        foreach (var entry in due)
        {
            var recipient = Recipients.Resolve(entry, reach.GetValueOrDefault(entry.SubjectId));
            if (recipient.To is { } to)
            {
                entry.Recipient = recipient.Masked;
                sends.Add((entry, to));
            }
            else
            {
                Record(entry, recipient.Refusal!, now);
            }
        }

        var results = new ConcurrentDictionary<Guid, SendResult>();
        using var sending = new SemaphoreSlim(_options.Concurrency);
        var sent = new List<Task>(sends.Count);
        try
        {
            foreach (var (channel, provider, perSecond) in
                     new[] { (Channel.Sms, SmsProvider, _options.SmsPerSecond), (Channel.WeChat, WeChatProvider, _options.WeChatPerSecond) })
            {
                // The permits a burst at a time, one call each; the sends they admit go out while the next are taken.
                foreach (var chunk in sends.Where(s => s.Entry.Channel == channel).Chunk(ProviderRateLimiter.MaxAtOnce(perSecond)))
                {
                    if (channel == Channel.Sms && smsPermits is { } asked)
                    {
                        // As many as the first burst holds at most: it is no larger than the entries claimed.
                        smsPermits = null;
                        await asked;
                    }
                    else
                    {
                        await rateLimiter.WaitAsync(provider, perSecond, chunk.Length, cancellationToken);
                    }

                    foreach (var (entry, to) in chunk)
                    {
                        await sending.WaitAsync(cancellationToken);
                        sent.Add(SendOneAsync(entry, to));
                    }
                }
            }
        }
        finally
        {
            // Redis failing halfway through a round fails the round, but not before the sends already started have ended:
            // none outlives the round's transaction or its semaphore.
            await Task.WhenAll([.. sent, smsPermits ?? Task.CompletedTask]).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await Task.WhenAll(sent);

        async Task SendOneAsync(ContactLogEntry entry, string to)
        {
            try
            {
                results[entry.Id] = entry.Channel == Channel.Sms
                    ? await sms.SendAsync(to, entry.TemplateCode, entry.Parameters, entry.Id.ToString("N"), cancellationToken)
                    : await wechat.SendAsync(to, entry.TemplateCode, entry.Parameters, cancellationToken);
            }
            finally
            {
                sending.Release();
            }
        }

        var sentAt = clock.GetUtcNow();
        foreach (var (entry, _) in sends)
        {
            Record(entry, results[entry.Id], sentAt);
        }
    }

    private void Record(ContactLogEntry entry, SendResult result, DateTimeOffset now)
    {
        entry.Attempts++;
        entry.LastError = result.Error is null ? null : Truncate(result.Error, 500);
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                entry.Status = ContactStatus.Sent;
                entry.SentAt = now;
                entry.ProviderMessageId = result.ProviderMessageId;
                break;
            case SendOutcome.RetryLater when entry.Attempts < _options.MaxAttempts:
                entry.NextAttemptAt = now + RetrySchedule.After(entry.Attempts, _options.RetryBaseDelay, _options.RetryMaxDelay);
                break;
            default:
                var givenUp = result.Outcome == SendOutcome.RetryLater;
                entry.Status = givenUp ? ContactStatus.GivenUp : ContactStatus.Failed;
                db.AddToOutbox(DeliveryMessages.Failed(entry,
                    givenUp ? $"已尝试 {entry.Attempts} 次仍未成功，放弃发送：{entry.LastError}" : entry.LastError ?? "发送失败", now), clock);
                break;
        }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
