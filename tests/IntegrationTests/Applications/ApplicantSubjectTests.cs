using CreditPower.Applications.Domain;
using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.IntegrationTests.Notifications;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Messaging;
using CreditPower.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.IntegrationTests.Applications;

/// <summary>
/// Applications learns every subject Grading registers from SubjectProfileChanged, not only the graded ones, so its
/// application events name the applicant's subject and Notifications can reach the applicant.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class ApplicantSubjectTests(ServicesFixture services)
{
    private const string Name = "淮阴区未评级申请测试有限公司";

    [Fact]
    public async Task A_registered_subject_not_yet_graded_is_named_in_the_application_events_and_gets_the_notice_sms()
    {
        // Only the profile has arrived (as after registration, before the first grade reaches Applications).
        var profile = Profile(TestIdentifiers.NewUscc(), TestIdentifiers.NewMobile(), Name, DateTimeOffset.UtcNow);
        await DeliverAsync(profile, NewId.NextGuid());
        Assert.False(await services.Applications.QueryAsync(db =>
            db.Set<SubjectColour>().AnyAsync(c => c.Identifier == profile.Identifier, Api.Cancellation)));

        var applicationId = (await services.SubmitAsync(ApplicationSteps.PropertyProofBody(profile.Identifier, Name))).Id();

        var submitted = Assert.Single(await services.Applications.OutboxAsync<ApplicationSubmitted>("applicationId", applicationId));
        Assert.Equal(profile.SubjectId, submitted.GetProperty("subjectId").GetGuid());
        Assert.Equal(profile.Identifier, submitted.GetProperty("identifier").GetString());
        var accepted = Assert.Single(await services.Applications.OutboxAsync<ApplicationStageChanged>("applicationId", applicationId));
        Assert.Equal(profile.SubjectId, accepted.GetProperty("subjectId").GetGuid());

        var log = await services.ContactLogWhenAsync(profile.SubjectId,
            l => l.EnumerateArray().Count(e => e.GetProperty("channel").GetString() == "sms" && e.GetProperty("status").GetString() is "sent" or "delivered") == 2,
            "the acceptance and stage SMS sent to the applicant");
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("templateCode").GetString() == "application-submitted-sms");
        var received = await services.SimulatorMessagesAsync(profile.Mobile!);
        var notice = Assert.Single(received, m => m.GetProperty("template").GetString() == "application-submitted-sms");
        Assert.Equal(Name, notice.GetProperty("parameters").GetProperty("name").GetString());
        Assert.Single(received, m => m.GetProperty("template").GetString() == "application-stage-sms");
    }

    [Fact]
    public async Task A_profile_delivered_twice_is_applied_once_and_an_older_one_arriving_late_changes_nothing()
    {
        var uscc = TestIdentifiers.NewUscc();
        // Taken before Grading knew the applicant: no subject yet.
        var applicationId = (await services.SubmitAsync(ApplicationSteps.PropertyProofBody(uscc, Name))).Id();
        Assert.Equal(Guid.Empty, await SubjectIdOfAsync(applicationId));

        // Whole microseconds: what PostgreSQL keeps, so the read model can be compared with the message exactly.
        var now = DateTimeOffset.UtcNow;
        var changedAt = now.AddTicks(-(now.Ticks % 10));
        var profile = Profile(uscc, TestIdentifiers.NewMobile(), Name, changedAt);
        var messageId = NewId.NextGuid();
        await DeliverAsync(profile, messageId);
        await DeliverAsync(profile, messageId, times: 2);
        await DeliverAsync(profile with { Name = "淮阴区更名前测试有限公司", ChangedAt = changedAt.AddMinutes(-1) }, NewId.NextGuid());

        Assert.Equal(profile.SubjectId, await SubjectIdOfAsync(applicationId));
        var held = await services.Applications.QueryAsync(db =>
            db.Set<SubjectProfile>().AsNoTracking().Where(p => p.Identifier == uscc).ToListAsync(Api.Cancellation));
        var row = Assert.Single(held);
        Assert.Equal((profile.SubjectId, SubjectKind.LegalEntity, Name, changedAt), (row.SubjectId, row.SubjectKind, row.Name, row.ChangedAt));
        foreach (var service in new[] { ResourceNames.Applications, ResourceNames.Notifications })
        {
            var inbox = await services.Host(service).QueryAsync(db =>
                db.Set<InboxMessage>().AsNoTracking().Where(m => m.MessageId == messageId).ToListAsync(Api.Cancellation));
            Assert.Equal("SubjectProfileChangedConsumer", Assert.Single(inbox).Consumer);
        }
    }

    private static SubjectProfileChanged Profile(string uscc, string mobile, string name, DateTimeOffset changedAt) => new()
    {
        SubjectId = Guid.CreateVersion7(),
        SubjectKind = SubjectKind.LegalEntity,
        Identifier = uscc,
        Name = name,
        LegalRepresentative = null,
        Mobile = mobile,
        Address = null,
        Accounts = [TestIdentifiers.NewAccountNumber()],
        ChangedAt = changedAt,
    };

    /// <summary>Publishes the profile as Grading does and waits until Applications and Notifications both took it <paramref name="times"/> times.</summary>
    private async Task DeliverAsync(SubjectProfileChanged profile, Guid messageId, int times = 1)
    {
        await services.PublishOnBusAsync(profile, messageId);
        await Eventually.UntilAsync(
            () => services.Consumed.Completed(ResourceNames.Applications, messageId) >= times && services.Consumed.Completed(ResourceNames.Notifications, messageId) >= times,
            $"Applications and Notifications to have taken profile {messageId} {times} time(s)");
    }

    private Task<Guid> SubjectIdOfAsync(Guid applicationId) => services.Applications.QueryAsync(db =>
        db.Set<ConnectionApplication>().Where(a => a.Id == applicationId).Select(a => a.SubjectId).SingleAsync(Api.Cancellation));
}
