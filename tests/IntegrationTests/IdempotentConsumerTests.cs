using System.Net;
using CreditPower.Applications.Domain;
using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.IntegrationTests.Notifications;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Messaging;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreditPower.IntegrationTests;

/// <summary>
/// ARCHITECTURE.md "nothing done twice": the same CreditGradeChanged delivered twice (same MessageId, as the outbox
/// relay does after a crash between publishing and marking) is applied once by every consumer.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class IdempotentConsumerTests(ServicesFixture services)
{
    private static readonly string[] _consumers = [ResourceNames.Applications, ResourceNames.Notifications, ResourceNames.ValueAdded];

    [Fact]
    public async Task A_grade_change_delivered_twice_is_applied_once_by_every_consumer()
    {
        using var clerkApplications = services.CreateClient(ResourceNames.Applications, Roles.Clerk);
        using var clerkNotifications = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);
        using var clerkValueAdded = services.CreateClient(ResourceNames.ValueAdded, Roles.Clerk);
        var bus = services.Grading.Services.GetRequiredService<IBus>();
        var uscc = TestIdentifiers.NewUscc();
        var subjectId = Guid.NewGuid();
        // Whole microseconds: what PostgreSQL keeps, so the read model can be compared with the message exactly.
        var now = DateTimeOffset.UtcNow;
        var registeredAt = now.AddTicks(-(now.Ticks % 10)).AddMinutes(-5);

        var application = await clerkApplications.PostJsonAsync("/api/applications", new
        {
            subjectKind = "legalEntity",
            identifier = uscc,
            applicantName = "淮阴区重复投递测试有限公司",
            type = "newConnection",
            capacityKva = 630,
            address = "淮安市淮阴区长江东路 1 号",
            propertyProof = new { documentType = "不动产权证书", documentNumber = "苏(2026)淮安市不动产权第0000001号" },
        }, HttpStatusCode.Created);
        var applicationPath = $"/api/applications/{application.GetProperty("id").GetGuid()}";
        Assert.False(application.GetProperty("greenChannel").GetBoolean());

        // First the subject is graded blue (once): the application enters the green channel.
        var blueId = NewId.NextGuid();
        await bus.Publish(GradeChange(subjectId, uscc, null, CreditColour.Blue, 100, registeredAt), c => c.MessageId = blueId, Api.Cancellation);
        await Eventually.UntilAsync(() => _consumers.All(c => services.Consumed.Completed(c, blueId) >= 1), "every consumer to take the blue grade");
        Assert.True((await clerkApplications.GetJsonAsync(applicationPath)).GetProperty("greenChannel").GetBoolean());

        // Then the downgrade to yellow arrives twice with one MessageId.
        var yellow = GradeChange(subjectId, uscc, CreditColour.Blue, CreditColour.Yellow, 72, registeredAt.AddMinutes(1));
        var yellowId = NewId.NextGuid();
        await bus.Publish(yellow, c => c.MessageId = yellowId, Api.Cancellation);
        await bus.Publish(yellow, c => c.MessageId = yellowId, Api.Cancellation);
        await Eventually.UntilAsync(() => _consumers.All(c => services.Consumed.Completed(c, yellowId) >= 2),
            "every consumer to have been handed the yellow downgrade twice");

        // Applications: the read model holds the downgrade, and the application has left the green channel.
        var colour = await services.Applications.QueryAsync(db =>
            db.Set<SubjectColour>().AsNoTracking().SingleAsync(c => c.Identifier == uscc, Api.Cancellation));
        Assert.Equal(CreditColour.Yellow, colour.Colour);
        Assert.Equal(yellow.EffectiveAt, colour.EffectiveAt);
        Assert.False((await clerkApplications.GetJsonAsync(applicationPath)).GetProperty("greenChannel").GetBoolean());

        // Notifications: one SMS, one WeChat reminder and one call for the downgrade, not two of each.
        var contacts = await clerkNotifications.GetJsonAsync($"/api/subjects/{subjectId}/contact-log");
        Assert.Equal([("phoneCall", "call-script-yellow"), ("sms", "grade-yellow-sms"), ("weChat", "grade-yellow-wechat")],
            NotificationSteps.GradeNotices(contacts));

        // ValueAdded: eligibility follows the downgrade.
        var eligibility = await clerkValueAdded.GetJsonAsync($"/api/subjects/{subjectId}/eligibility");
        Assert.Equal("yellow", eligibility.GetProperty("colour").GetString());
        Assert.False(eligibility.GetProperty("eligible").GetBoolean());

        // Each consumer's inbox holds the message once.
        foreach (var consumer in _consumers)
        {
            var inbox = await services.Host(consumer).QueryAsync(db =>
                db.Set<InboxMessage>().AsNoTracking().Where(m => m.MessageId == yellowId).ToListAsync(Api.Cancellation));
            var row = Assert.Single(inbox);
            Assert.Equal("CreditGradeChangedConsumer", row.Consumer);
        }
    }

    private static CreditGradeChanged GradeChange(
        Guid subjectId, string uscc, CreditColour? from, CreditColour to, int score, DateTimeOffset effectiveAt) => new()
        {
            SubjectId = subjectId,
            SubjectKind = SubjectKind.LegalEntity,
            Identifier = uscc,
            Name = "淮阴区重复投递测试有限公司",
            Accounts = [TestIdentifiers.NewAccountNumber()],
            OldColour = from,
            NewColour = to,
            Score = score,
            Reasons = to == CreditColour.Yellow ? [new GradeReason("late-payment-over-30", -8, "电费逾期超过 30 天（经催缴）")] : [],
            RuleVersion = "2021-huaiyin-default",
            EffectiveAt = effectiveAt,
        };
}
