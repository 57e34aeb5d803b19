using System.Collections.Concurrent;
using System.Text.Json;
using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults.Messaging;
using CreditPower.TestSupport;
using Microsoft.EntityFrameworkCore;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace CreditPower.IntegrationTests;

/// <summary>The outbox relay of a real service (ValueAdded's): what it publishes, and rows it cannot build.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class OutboxRelayTests(ServicesFixture services)
{
    [Fact]
    public async Task A_batch_full_of_rows_that_cannot_be_built_does_not_stop_the_relay_they_become_dead_letters()
    {
        // A whole batch of rows no resolver builds, older than the good row, so every claim takes them first.
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        var unbuildable = Enumerable.Range(0, new MessagingOptions().RelayBatchSize).Select(i => new OutboxMessage
        {
            Id = Guid.CreateVersion7(), MessageType = "CreditPower.Tests.NoSuchMessage", Body = "{}", CreatedAt = before.AddMilliseconds(i),
        }).ToList();
        var good = Guid.Empty;
        await services.ValueAdded.QueryAsync(async db =>
        {
            db.AddToOutbox(new CreditEventRecorded
            {
                EventId = Guid.CreateVersion7(), SubjectId = Guid.CreateVersion7(), EventType = "late-payment-1-15", Points = -2,
                OccurredAt = before, RecordedAt = before, ExpiresAt = null,
            }, TimeProvider.System);
            var goodRow = db.ChangeTracker.Entries<OutboxMessage>().Single().Entity;
            good = goodRow.Id;
            db.ChangeTracker.Clear();

            // Written by SQL, as a bulk path writes them: nothing is handed to the relay in memory, so its claims, oldest
            // first, have to get past the unbuildable rows to reach the good one.
            List<OutboxMessage> rows = [.. unbuildable, goodRow];
            Guid[] rowIds = [.. rows.Select(m => m.Id)];
            string[] types = [.. rows.Select(m => m.MessageType)];
            string[] bodies = [.. rows.Select(m => m.Body)];
            DateTimeOffset[] created = [.. rows.Select(m => m.CreatedAt)];
            return await db.Database.ExecuteSqlAsync($"""
                INSERT INTO outbox_messages (id, message_type, body, created_at, attempts)
                SELECT id, type, body::jsonb, created, 0 FROM unnest({rowIds}, {types}, {bodies}, {created}) AS r(id, type, body, created)
                """, Api.Cancellation);
        });
        var ids = unbuildable.Select(m => m.Id).ToList();

        try
        {
            await Eventually.UntilAsync(
                () => services.ValueAdded.QueryAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Id == good && m.SentAt != null, Api.Cancellation)),
                "the good row to be published past the unbuildable ones", TimeSpan.FromSeconds(30));
            var dead = await services.ValueAdded.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(Api.Cancellation));
            Assert.Equal(ids.Order(), dead.Select(m => m.Id).Order());
            Assert.All(dead, m =>
            {
                Assert.Null(m.SentAt);
                Assert.Equal(3, m.Attempts);
                Assert.Contains("is not a known type and no reference resolver reads it", m.LastError, StringComparison.Ordinal);
            });
        }
        finally
        {
            await services.ValueAdded.QueryAsync(db => db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(Api.Cancellation));
        }
    }

    [Fact]
    public async Task Only_rows_whose_transaction_committed_are_published_not_those_of_a_transaction_rolled_back_or_never_committed()
    {
        // Listening on the message type's exchange as any consumer would: what reaches the broker, not what the relay says.
        var factory = new ConnectionFactory { Uri = new Uri(services.Servers.RabbitMqConnectionString) };
        await using var connection = await factory.CreateConnectionAsync(Api.Cancellation);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Api.Cancellation);
        const string Exchange = "CreditPower.Contracts:CreditEventRecorded";
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, cancellationToken: Api.Cancellation);
        var queue = await channel.QueueDeclareAsync(exclusive: true, cancellationToken: Api.Cancellation);
        await channel.QueueBindAsync(queue.QueueName, Exchange, "", cancellationToken: Api.Cancellation);
        var published = new ConcurrentBag<Guid>();
        var listener = new AsyncEventingBasicConsumer(channel);
        listener.ReceivedAsync += (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            published.Add(envelope.RootElement.GetProperty("messageId").GetGuid());
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, listener, Api.Cancellation);

        // One pooled context, as a request retried by the execution strategy uses it: a transaction disposed without
        // committing, one rolled back, then one committed.
        var (neverCommitted, rolledBack, committed) = (Guid.Empty, Guid.Empty, Guid.Empty);
        await services.ValueAdded.QueryAsync(db => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using (await db.Database.BeginTransactionAsync(Api.Cancellation))
            {
                neverCommitted = await SaveRecordedAsync(db);
            }

            db.ChangeTracker.Clear();
            await using (var transaction = await db.Database.BeginTransactionAsync(Api.Cancellation))
            {
                rolledBack = await SaveRecordedAsync(db);
                await transaction.RollbackAsync(Api.Cancellation);
            }

            db.ChangeTracker.Clear();
            await using (var transaction = await db.Database.BeginTransactionAsync(Api.Cancellation))
            {
                committed = await SaveRecordedAsync(db);
                await transaction.CommitAsync(Api.Cancellation);
            }

            return 0;
        }));

        await Eventually.UntilAsync(
            () => services.ValueAdded.QueryAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Id == committed && m.SentAt != null, Api.Cancellation)),
            "the committed row to be published and marked sent", TimeSpan.FromSeconds(30));
        // A marker of our own behind them: the queue hands messages over in order, so once it has come, every message the
        // relay published before marking the row sent (a phantom one too) has come as well.
        var marker = Guid.NewGuid();
        await channel.BasicPublishAsync(Exchange, "", JsonSerializer.SerializeToUtf8Bytes(new { messageId = marker }), Api.Cancellation);
        await Eventually.UntilAsync(() => Task.FromResult(published.Contains(marker)), "our marker behind the relay's messages", TimeSpan.FromSeconds(10));
        Assert.Contains(committed, published);
        Assert.DoesNotContain(neverCommitted, published);
        Assert.DoesNotContain(rolledBack, published);
        Assert.False(await services.ValueAdded.QueryAsync(db =>
            db.Set<OutboxMessage>().AnyAsync(m => m.Id == neverCommitted || m.Id == rolledBack, Api.Cancellation)));
    }

    private static async Task<Guid> SaveRecordedAsync(DbContext db)
    {
        var now = DateTimeOffset.UtcNow;
        db.AddToOutbox(new CreditEventRecorded
        {
            EventId = Guid.CreateVersion7(), SubjectId = Guid.CreateVersion7(), EventType = "late-payment-1-15", Points = -2,
            OccurredAt = now, RecordedAt = now, ExpiresAt = null,
        }, TimeProvider.System);
        var id = db.ChangeTracker.Entries<OutboxMessage>().Single(e => e.State == EntityState.Added).Entity.Id;
        await db.SaveChangesAsync(Api.Cancellation);
        return id;
    }
}
