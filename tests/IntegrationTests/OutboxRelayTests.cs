using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults.Messaging;
using CreditPower.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.IntegrationTests;

/// <summary>The outbox relay of a real service (ValueAdded's) against rows it cannot build.</summary>
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
            db.Set<OutboxMessage>().AddRange(unbuildable);
            db.AddToOutbox(new CreditEventRecorded
            {
                EventId = Guid.CreateVersion7(), SubjectId = Guid.CreateVersion7(), EventType = "late-payment-1-15", Points = -2,
                OccurredAt = before, RecordedAt = before, ExpiresAt = null,
            }, TimeProvider.System);
            good = db.ChangeTracker.Entries<OutboxMessage>().Single(e => e.Entity.MessageType != "CreditPower.Tests.NoSuchMessage").Entity.Id;
            return await db.SaveChangesAsync(Api.Cancellation);
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
}
