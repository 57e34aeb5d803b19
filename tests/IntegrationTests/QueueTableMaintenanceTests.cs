using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults.Data;
using CreditPower.ServiceDefaults.Messaging;
using CreditPower.TestSupport;
using CreditPower.ValueAdded.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CreditPower.IntegrationTests;

/// <summary>The upkeep of a real service's queue tables (ValueAdded's outbox and inbox): retention and vacuum.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class QueueTableMaintenanceTests(ServicesFixture services)
{
    private const string NoSuchType = "CreditPower.Tests.NoSuchMessage";

    private QueueTableMaintenance<ValueAddedDbContext> Maintenance =>
        services.ValueAdded.Services.GetServices<IHostedService>().OfType<QueueTableMaintenance<ValueAddedDbContext>>().Single();

    [Fact]
    public async Task Sent_outbox_rows_and_inbox_rows_past_their_retention_are_deleted_and_nothing_else()
    {
        var retention = new QueueTableOptions();
        var now = DateTimeOffset.UtcNow;
        var oldSent = Row(created: now - retention.SentRetention - TimeSpan.FromHours(2), sent: now - retention.SentRetention - TimeSpan.FromHours(1));
        var recentSent = Row(created: now - TimeSpan.FromHours(2), sent: now - TimeSpan.FromHours(1));
        // A dead letter (attempts at the fixture's MaxHolds, never claimed again) waits for ops however old it is.
        var oldDeadLetter = Row(created: now - retention.SentRetention - TimeSpan.FromDays(1), sent: null);
        var oldInbox = new InboxMessage { MessageId = Guid.CreateVersion7(), Consumer = "tests", ProcessedAt = now - retention.InboxRetention - TimeSpan.FromHours(1) };
        var recentInbox = new InboxMessage { MessageId = Guid.CreateVersion7(), Consumer = "tests", ProcessedAt = now - TimeSpan.FromDays(1) };
        Guid[] outboxIds = [oldSent.Id, recentSent.Id, oldDeadLetter.Id];
        Guid[] inboxIds = [oldInbox.MessageId, recentInbox.MessageId];
        await services.ValueAdded.QueryAsync(db =>
        {
            db.Set<OutboxMessage>().AddRange(oldSent, recentSent, oldDeadLetter);
            db.Set<InboxMessage>().AddRange(oldInbox, recentInbox);
            return db.SaveChangesAsync(Api.Cancellation);
        });

        try
        {
            await Maintenance.PruneAsync(Api.Cancellation);

            var outbox = await services.ValueAdded.QueryAsync(db =>
                db.Set<OutboxMessage>().Where(m => outboxIds.Contains(m.Id)).Select(m => m.Id).ToListAsync(Api.Cancellation));
            var inbox = await services.ValueAdded.QueryAsync(db =>
                db.Set<InboxMessage>().Where(m => inboxIds.Contains(m.MessageId)).Select(m => m.MessageId).ToListAsync(Api.Cancellation));
            Assert.Equal(new[] { recentSent.Id, oldDeadLetter.Id }.Order(), outbox.Order());
            Assert.Equal([recentInbox.MessageId], inbox);
        }
        finally
        {
            await services.ValueAdded.QueryAsync(db => db.Set<OutboxMessage>().Where(m => outboxIds.Contains(m.Id)).ExecuteDeleteAsync(Api.Cancellation));
            await services.ValueAdded.QueryAsync(db => db.Set<InboxMessage>().Where(m => inboxIds.Contains(m.MessageId)).ExecuteDeleteAsync(Api.Cancellation));
        }
    }

    [Fact]
    public async Task An_outbox_holding_more_dead_rows_than_allowed_is_vacuumed()
    {
        // Rows leaving the queue, as the relay marks them sent: each update leaves a dead row behind.
        var threshold = new QueueTableOptions().DeadRows;
        var rows = Enumerable.Range(0, (int)threshold + 500).Select(_ => Row(created: DateTimeOffset.UtcNow.AddHours(-1), sent: null)).ToList();
        var ids = rows.Select(r => r.Id).ToList();
        await services.ValueAdded.QueryAsync(db =>
        {
            db.Set<OutboxMessage>().AddRange(rows);
            return db.SaveChangesAsync(Api.Cancellation);
        });
        var vacuumsBefore = await OutboxStatsAsync(s => s.VacuumCount);

        try
        {
            await services.ValueAdded.QueryAsync(db =>
                db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(m => m.SetProperty(r => r.SentAt, DateTimeOffset.UtcNow), Api.Cancellation));
            // The statistics reach pg_stat_user_tables when the updating backend reports them, within a second or so.
            await Eventually.UntilAsync(async () => await OutboxStatsAsync(s => s.DeadRows) >= threshold, "the dead rows to show in the statistics");

            await Maintenance.VacuumAsync(Api.Cancellation);

            await Eventually.UntilAsync(async () => await OutboxStatsAsync(s => s.DeadRows) < threshold, "the dead rows to be vacuumed away");
            Assert.True(await OutboxStatsAsync(s => s.VacuumCount) > vacuumsBefore, "the outbox was vacuumed by the service, not by autovacuum");
        }
        finally
        {
            await services.ValueAdded.QueryAsync(db => db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(Api.Cancellation));
        }
    }

    private static OutboxMessage Row(DateTimeOffset created, DateTimeOffset? sent) => new()
    {
        Id = Guid.CreateVersion7(), MessageType = NoSuchType, Body = "{}", CreatedAt = created, SentAt = sent, Attempts = sent is null ? 3 : 0,
    };

    private Task<long> OutboxStatsAsync(Func<TableStats, long> pick) => services.ValueAdded.QueryAsync(async db => pick(await db.Database
        .SqlQueryRaw<TableStats>(
            "SELECT n_dead_tup AS \"DeadRows\", vacuum_count AS \"VacuumCount\" FROM pg_stat_user_tables WHERE relname = {0}",
            OutboxModelBuilderExtensions.OutboxTable)
        .SingleAsync(Api.Cancellation)));

    private sealed record TableStats(long DeadRows, long VacuumCount);
}
