using System.Text.Json;
using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.Notifications.Domain;
using CreditPower.Notifications.Features.ContactLog;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Messaging;
using CreditPower.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace CreditPower.IntegrationTests.Notifications;

/// <summary>
/// Grade changes are applied a group at a time, one transaction per group, with every per-message guarantee kept:
/// each message applied once, one notice per trigger per channel, nothing lost in a burst, and a message that cannot
/// be applied failing alone.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class GradeChangeBatchTests(ServicesFixture services)
{
    private const string Name = "淮阴区批量通知测试有限公司";
    private const string ErrorQueue = "notifications-credit-grade-changed_error";

    private static readonly GradeReason[] _violation = [new("contract-violation", -15, "违约用电（擅自超容量用电）")];

    private static readonly (string?, string?)[] _yellowNotices =
        [("phoneCall", "call-script-yellow"), ("sms", "grade-yellow-sms"), ("weChat", "grade-yellow-wechat")];

    [Fact]
    public async Task A_batch_holding_a_redelivery_and_a_republished_trigger_queues_one_notice_per_channel()
    {
        var subjectId = Guid.NewGuid();
        var change = NotificationSteps.GradeChange(subjectId, Name, CreditColour.Blue, CreditColour.Yellow, 74);
        var redelivered = NewId.NextGuid();
        var republished = NewId.NextGuid();
        var again = NewId.NextGuid();

        // One batch, as MassTransit would hand it over: the same delivery twice, and the same fact under two more ids.
        await ApplyAsync([(redelivered, change), (redelivered, change), (republished, change), (again, change)]);
        // A redelivery of messages already applied, in a later batch.
        await ApplyAsync([(republished, change), (redelivered, change)]);

        Assert.Equal(_yellowNotices, NotificationSteps.GradeNotices(await services.ContactLogAsync(subjectId)));
        Assert.Equal(1, await services.Notifications.QueryAsync(db => db.Set<CallTask>().CountAsync(t => t.SubjectId == subjectId, Api.Cancellation)));
        var inbox = await services.Notifications.QueryAsync(db => db.Set<InboxMessage>().AsNoTracking()
            .Where(m => m.MessageId == redelivered || m.MessageId == republished || m.MessageId == again)
            .Select(m => m.MessageId)
            .ToListAsync(Api.Cancellation));
        Assert.Equal(new[] { redelivered, republished, again }.Order(), inbox.Order());
    }

    [Fact]
    public async Task Duplicates_published_together_queue_one_notice_per_channel()
    {
        var subjectId = Guid.NewGuid();
        var change = NotificationSteps.GradeChange(subjectId, Name, CreditColour.Yellow, CreditColour.Red, 52, _violation);
        var twice = NewId.NextGuid();

        var ids = await Task.WhenAll(
            services.PublishOnBusAsync(change, twice),
            services.PublishOnBusAsync(change, twice),
            services.PublishOnBusAsync(change),
            services.PublishOnBusAsync(change));
        foreach (var id in ids.Distinct())
        {
            await services.ConsumedAsync(id, times: ids.Count(i => i == id));
        }

        Assert.Equal([("letter", "grade-warning-letter"), ("sms", "grade-warning-sms"), ("weChat", "grade-warning-wechat")],
            NotificationSteps.GradeNotices(await services.ContactLogAsync(subjectId)));
        Assert.Equal(1, await services.Notifications.QueryAsync(db => db.Set<Letter>().CountAsync(l => l.SubjectId == subjectId, Api.Cancellation)));
    }

    [Fact]
    public async Task Two_hundred_grade_changes_published_at_once_each_queue_exactly_their_notices()
    {
        // Every tenth turns red (a numbered letter), the rest yellow (a call task).
        var changes = Enumerable.Range(0, 200)
            .Select(i => i % 10 == 0
                ? NotificationSteps.GradeChange(Guid.NewGuid(), Name, CreditColour.Yellow, CreditColour.Red, 52, _violation)
                : NotificationSteps.GradeChange(Guid.NewGuid(), Name, CreditColour.Blue, CreditColour.Yellow, 74))
            .ToList();

        var ids = await Task.WhenAll(changes.Select(c => services.PublishOnBusAsync(c)));
        foreach (var id in ids)
        {
            await services.ConsumedAsync(id, timeout: TimeSpan.FromSeconds(60));
        }

        var subjects = changes.Select(c => c.SubjectId).ToList();
        var entries = await services.Notifications.QueryAsync(db => db.Set<ContactLogEntry>().AsNoTracking()
            .Where(e => subjects.Contains(e.SubjectId))
            .Select(e => new { e.SubjectId, e.Channel })
            .ToListAsync(Api.Cancellation));
        var bySubject = entries.ToLookup(e => e.SubjectId, e => e.Channel);
        Assert.All(changes, change => Assert.Equal(
            change.NewColour == CreditColour.Red ? [Channel.Sms, Channel.WeChat, Channel.Letter] : [Channel.Sms, Channel.WeChat, Channel.PhoneCall],
            bySubject[change.SubjectId].Order()));

        var letters = await services.Notifications.QueryAsync(db => db.Set<Letter>().AsNoTracking()
            .Where(l => subjects.Contains(l.SubjectId))
            .Select(l => l.Number)
            .ToListAsync(Api.Cancellation));
        Assert.Equal(20, letters.Distinct().Count());
        Assert.Equal(180, await services.Notifications.QueryAsync(db => db.Set<CallTask>().CountAsync(t => subjects.Contains(t.SubjectId), Api.Cancellation)));
        Assert.Equal(200, await services.Notifications.QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => ids.Contains(m.MessageId), Api.Cancellation)));
    }

    [Fact]
    public async Task A_grade_change_that_cannot_be_applied_goes_to_the_error_queue_alone()
    {
        // No reasons at all (a contract break by the publisher): the notices cannot be worded, so the batch holding it fails.
        var poison = NotificationSteps.GradeChange(Guid.NewGuid(), Name, CreditColour.Blue, CreditColour.Yellow, 74) with { Reasons = null! };
        var good = Enumerable.Range(0, 5).Select(_ => NotificationSteps.GradeChange(Guid.NewGuid(), Name, CreditColour.Blue, CreditColour.Yellow, 74)).ToList();

        var poisonId = NewId.NextGuid();
        var goodIds = await Task.WhenAll([services.PublishOnBusAsync(poison, poisonId), .. good.Select(c => services.PublishOnBusAsync(c))]);
        goodIds = [.. goodIds.Where(id => id != poisonId)];

        // Its batch-mates are applied (on their own retry if they shared its batch) ...
        foreach (var id in goodIds)
        {
            await services.ConsumedAsync(id);
        }

        foreach (var change in good)
        {
            Assert.Equal(_yellowNotices, NotificationSteps.GradeNotices(await services.ContactLogAsync(change.SubjectId)));
        }

        // ... and after its retries only the bad one is in the error queue, having applied nothing.
        var failed = new List<Guid>();
        await Eventually.UntilAsync(async () =>
        {
            failed.AddRange(await TakeFailedAsync());
            return failed.Contains(poisonId);
        }, "the bad grade change in the error queue", TimeSpan.FromSeconds(60));
        Assert.DoesNotContain(failed, goodIds.Contains);
        Assert.Empty(NotificationSteps.GradeNotices(await services.ContactLogAsync(poison.SubjectId)));
        Assert.Equal(0, services.Consumed.Completed(ResourceNames.Notifications, poisonId));
    }

    private async Task ApplyAsync(IReadOnlyList<(Guid MessageId, CreditGradeChanged Change)> batch)
    {
        await using var scope = services.Notifications.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GradeChangeApplier>().ApplyAsync(batch, Api.Cancellation);
    }

    /// <summary>
    /// The message ids in the endpoint's error queue, taking those of this class's failures out of it (the others go back
    /// when the channel closes unacknowledged).
    /// </summary>
    private async Task<List<Guid>> TakeFailedAsync()
    {
        var factory = new ConnectionFactory { Uri = new Uri(services.Servers.RabbitMqConnectionString) };
        await using var connection = await factory.CreateConnectionAsync(Api.Cancellation);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Api.Cancellation);
        var ids = new List<Guid>();
        try
        {
            while (await channel.BasicGetAsync(ErrorQueue, autoAck: false, Api.Cancellation) is { } message)
            {
                using var envelope = JsonDocument.Parse(message.Body);
                var id = envelope.RootElement.GetProperty("messageId").GetGuid();
                ids.Add(id);
                if (envelope.RootElement.GetProperty("message").GetProperty("name").GetString() == Name)
                {
                    await channel.BasicAckAsync(message.DeliveryTag, multiple: false, Api.Cancellation);
                }
            }
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // The queue does not exist until a first message fails.
        }

        return ids;
    }
}
