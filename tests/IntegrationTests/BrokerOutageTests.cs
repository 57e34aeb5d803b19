using System.Net;
using CreditPower.Applications.Domain;
using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.IntegrationTests.Notifications;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Messaging;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.IntegrationTests;

/// <summary>
/// ARCHITECTURE.md "nothing lost": grade changes made while RabbitMQ is down are kept in Grading's outbox (written in
/// the request's own transaction), published when the broker returns, and applied exactly once by every consumer.
/// Runs in the one services collection, so no other test has messages in flight while the broker is stopped.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class BrokerOutageTests(ServicesFixture services)
{
    private static readonly TimeSpan _recovery = TimeSpan.FromSeconds(90);
    private static readonly string _gradeChanged = typeof(CreditGradeChanged).FullName!;
    private static readonly string[] _consumers = [ResourceNames.Applications, ResourceNames.Notifications, ResourceNames.ValueAdded];

    [Fact]
    public async Task Grade_changes_made_while_the_broker_is_down_reach_every_consumer_exactly_once_when_it_returns()
    {
        using var clerkGrading = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
        using var clerkApplications = services.CreateClient(ResourceNames.Applications, Roles.Clerk);
        using var clerkNotifications = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);
        using var clerkValueAdded = services.CreateClient(ResourceNames.ValueAdded, Roles.Clerk);
        var uscc = TestIdentifiers.NewUscc();
        var application = await clerkApplications.PostJsonAsync("/api/applications", new
        {
            subjectKind = "legalEntity",
            identifier = uscc,
            applicantName = "淮阴区断网测试有限公司",
            type = "capacityIncrease",
            capacityKva = 630,
            address = "淮安市淮阴区长江东路 1 号",
            propertyProof = new { documentType = "不动产权证书", documentNumber = "苏(2026)淮安市不动产权第0000001号" },
        }, HttpStatusCode.Created);
        var applicationPath = $"/api/applications/{application.GetProperty("id").GetGuid()}";

        Guid subjectId;
        await services.Servers.StopRabbitMqAsync();
        try
        {
            // Registered blue (first grade), then 100 − 10 − 10 − 8 = 72: yellow. Only the last event changes the colour.
            var subject = await clerkGrading.PostJsonAsync("/api/subjects", new
            {
                kind = "legalEntity",
                identifier = uscc,
                name = "淮阴区断网测试有限公司",
                accounts = new[] { TestIdentifiers.NewAccountNumber() },
            }, HttpStatusCode.Created);
            subjectId = subject.GetProperty("id").GetGuid();
            Assert.Equal("blue", subject.GetProperty("colour").GetString());

            string[] events = ["repayment-agreement-broken", "supply-suspended", "late-payment-over-30"];
            var colours = new List<string?>();
            foreach (var eventType in events)
            {
                var recorded = await services.RecordEventInForceAsync(subjectId, eventType, DateTimeOffset.UtcNow.AddDays(-3), "营销系统缴费记录");
                colours.Add(recorded.GetProperty("colour").GetString());
            }

            Assert.Equal(["blue", "blue", "yellow"], colours);

            // Both grade changes (with the three events put in force and the profile announced at registration) sit
            // unsent, and the relay has tried and failed.
            var pending = await OutboxRowsAsync(subjectId);
            Assert.Equal(6, pending.Count);
            Assert.Equal(2, pending.Count(r => r.MessageType.StartsWith(_gradeChanged + ",", StringComparison.Ordinal)));
            Assert.All(pending, r => Assert.Null(r.SentAt));
            await Eventually.UntilAsync(async () => (await OutboxRowsAsync(subjectId)).Any(r => r.LastError is not null && r.SentAt is null),
                "the outbox relay to fail a publish while the broker is down", TimeSpan.FromSeconds(60));
            // A broker failure is not a hold: however long the outage, these rows never become dead letters.
            Assert.All(await OutboxRowsAsync(subjectId), r => Assert.Equal(0, r.Attempts));
            Assert.All(await OutboxRowsAsync(subjectId), r => Assert.Null(r.SentAt));
        }
        finally
        {
            await services.Servers.StartRabbitMqAsync(Api.Cancellation);
        }

        // The relay publishes everything once the bus has reconnected.
        var sent = await Eventually.GetAsync(() => OutboxRowsAsync(subjectId), rows => rows.Count == 6 && rows.All(r => r.SentAt is not null),
            "every outbox row of the subject to be marked sent", _recovery);
        var gradeChanges = sent.Where(r => r.MessageType.StartsWith(_gradeChanged + ",", StringComparison.Ordinal)).Select(r => r.Id).ToList();
        Assert.Equal(2, gradeChanges.Count);

        // Every consumer applies each grade change: one inbox row per message per consumer.
        foreach (var consumer in _consumers)
        {
            var inbox = await Eventually.GetAsync(() => services.Host(consumer).QueryAsync(db => db.Set<InboxMessage>().AsNoTracking()
                    .Where(m => gradeChanges.Contains(m.MessageId)).ToListAsync(Api.Cancellation)),
                rows => rows.Count >= gradeChanges.Count, $"{consumer} to apply both grade changes", _recovery);
            Assert.Equal(gradeChanges.Order(), inbox.Select(m => m.MessageId).Order());
        }

        // Applications: the read model holds the final colour; the open application is out of the green channel.
        var colour = await services.Applications.QueryAsync(db =>
            db.Set<SubjectColour>().AsNoTracking().SingleAsync(c => c.Identifier == uscc, Api.Cancellation));
        Assert.Equal(CreditColour.Yellow, colour.Colour);
        Assert.Equal(subjectId, colour.SubjectId);
        Assert.False((await clerkApplications.GetJsonAsync(applicationPath)).GetProperty("greenChannel").GetBoolean());

        // Notifications: exactly one SMS, one WeChat and one call for the yellow downgrade (the first, blue grade sends
        // nothing); the application's own notices may share the log.
        var contacts = await clerkNotifications.GetJsonAsync($"/api/subjects/{subjectId}/contact-log");
        Assert.Equal([("phoneCall", "call-script-yellow"), ("sms", "grade-yellow-sms"), ("weChat", "grade-yellow-wechat")],
            NotificationSteps.GradeNotices(contacts));

        // ValueAdded: no longer eligible.
        var eligibility = await clerkValueAdded.GetJsonAsync($"/api/subjects/{subjectId}/eligibility");
        Assert.Equal("yellow", eligibility.GetProperty("colour").GetString());
        Assert.False(eligibility.GetProperty("eligible").GetBoolean());

        // Leave the run as found: every service ready again, bus included.
        await services.WaitUntilHealthyAsync(Api.Cancellation);
    }

    private Task<List<OutboxMessage>> OutboxRowsAsync(Guid subjectId) =>
        services.Grading.QueryAsync(db => db.Set<OutboxMessage>()
            .FromSql($"SELECT * FROM outbox_messages WHERE body->>'subjectId' = {subjectId.ToString()}")
            .AsNoTracking()
            .ToListAsync(Api.Cancellation));
}
