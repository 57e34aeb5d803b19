using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Messaging;
using CreditPower.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.IntegrationTests;

/// <summary>
/// Endpoints consume many messages at once (MessagingOptions) but one subject's messages one at a time, keyed by the
/// subject header the outbox relay sets; that header must reach every consumer. (Whether two messages of one subject
/// overlap cannot be seen from a consume observer, which runs before the partition; bench/Pipeline shows the retries
/// such races cause with a small subject pool, and none with the partition.)
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class SubjectPartitionTests(ServicesFixture services)
{
    private static readonly string[] _consumers = [ResourceNames.Applications, ResourceNames.Notifications, ResourceNames.ValueAdded];
    private static readonly string _gradeChanged = typeof(CreditGradeChanged).FullName!;

    [Fact]
    public async Task Grade_changes_relayed_from_the_outbox_carry_their_subject_to_every_consumer()
    {
        var subjectId = await services.RegisterLegalEntityAsync(name: "淮阴区分区键测试有限公司");

        var row = await Eventually.GetAsync(
            () => services.Grading.QueryAsync(db => db.Set<OutboxMessage>()
                .FromSql($"SELECT * FROM outbox_messages WHERE body->>'subjectId' = {subjectId.ToString()}")
                .AsNoTracking()
                .ToListAsync(Api.Cancellation)),
            rows => rows.Any(r => r.MessageType.StartsWith(_gradeChanged + ",", StringComparison.Ordinal) && r.SentAt is not null),
            "the first grade of the new subject to be relayed");
        var messageId = row.Single(r => r.MessageType.StartsWith(_gradeChanged + ",", StringComparison.Ordinal)).Id;

        await Eventually.UntilAsync(() => _consumers.All(c => services.Consumed.Completed(c, messageId) >= 1), "every consumer to take the first grade");
        Assert.All(_consumers, consumer => Assert.Equal(subjectId.ToString(), services.Consumed.SubjectOf(consumer, messageId)));
    }
}
