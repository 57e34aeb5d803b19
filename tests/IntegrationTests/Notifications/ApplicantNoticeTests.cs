using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Subjects;
using CreditPower.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.IntegrationTests.Notifications;

/// <summary>Application and value-added order events tell the applicant by SMS and WeChat, once per trigger per channel.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class ApplicantNoticeTests(ServicesFixture services)
{
    [Fact]
    public async Task A_submitted_application_is_announced_once_by_sms_and_wechat_even_when_delivered_twice()
    {
        var subjectId = Guid.NewGuid();
        var submitted = new ApplicationSubmitted
        {
            ApplicationId = Guid.NewGuid(),
            SubjectId = subjectId,
            SubjectKind = SubjectKind.LegalEntity,
            Identifier = TestIdentifiers.NewUscc(),
            ApplicantName = "淮阴区新装申请测试有限公司",
            ApplicationType = "new-connection",
            ApplicationTypeName = "新装",
            GreenChannel = true,
            CreditPath = false,
            SubmittedAt = new DateTimeOffset(2026, 4, 1, 9, 30, 0, TimeSpan.FromHours(8)),
        };
        var id = MassTransit.NewId.NextGuid();
        await services.PublishOnBusAsync(submitted, id);
        await services.PublishOnBusAsync(submitted, id);
        var republished = await services.PublishOnBusAsync(submitted);
        await services.ConsumedAsync(id, times: 2);
        await services.ConsumedAsync(republished);

        var contacts = await services.ContactLogAsync(subjectId);
        Assert.Equal(["sms", "weChat"], NotificationSteps.Channels(contacts));
        var sms = contacts.EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "sms");
        Assert.Equal("application-submitted-sms", sms.GetProperty("templateCode").GetString());
        Assert.Equal("【淮阴供电】尊敬的淮阴区新装申请测试有限公司，您的新装申请已于 2026年4月1日 受理，已纳入绿色通道优先办理。我们将尽快安排现场勘查，请保持电话畅通。",
            sms.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Each_stage_change_is_announced_with_its_due_date()
    {
        var subjectId = Guid.NewGuid();
        var applicationId = Guid.NewGuid();
        var uscc = TestIdentifiers.NewUscc();
        ApplicationStageChanged Stage(string code, string name, DateTimeOffset? due, int minute) => new()
        {
            ApplicationId = applicationId,
            SubjectId = subjectId,
            SubjectKind = SubjectKind.LegalEntity,
            Identifier = uscc,
            ApplicantName = "淮阴区增容申请测试有限公司",
            FromStage = null,
            ToStage = code,
            ToStageName = name,
            DueAt = due,
            GreenChannel = false,
            ChangedAt = new DateTimeOffset(2026, 4, 2, 10, minute, 0, TimeSpan.FromHours(8)),
        };

        var survey = await services.PublishOnBusAsync(Stage("site-survey", "现场勘查", new DateTimeOffset(2026, 4, 7, 18, 0, 0, TimeSpan.FromHours(8)), 0));
        var done = await services.PublishOnBusAsync(Stage("completed", "装表接电", null, 5));
        await services.ConsumedAsync(survey);
        await services.ConsumedAsync(done);

        var contents = (await services.ContactLogAsync(subjectId)).EnumerateArray()
            .Where(c => c.GetProperty("channel").GetString() == "sms").Select(c => c.GetProperty("content").GetString()).ToList();
        Assert.Equal(2, contents.Count);
        Assert.Contains("【淮阴供电】尊敬的淮阴区增容申请测试有限公司，您的用电申请已进入“现场勘查”环节，预计 2026年4月7日 前完成。如有疑问请咨询营业厅。", contents);
        Assert.Contains("【淮阴供电】尊敬的淮阴区增容申请测试有限公司，您的用电申请已进入“装表接电”环节。如有疑问请咨询营业厅。", contents);
    }

    [Fact]
    public async Task A_notice_without_a_subject_id_reaches_the_applicant_found_by_identifier()
    {
        var subjectId = Guid.NewGuid();
        var uscc = TestIdentifiers.NewUscc();
        var mobile = TestIdentifiers.NewMobile();
        await services.FeedContactAsync(subjectId, "淮阴区按代码查找测试有限公司", mobile, identifier: uscc);

        var id = await services.PublishOnBusAsync(Submitted(Guid.Empty, SubjectKind.LegalEntity, uscc, "淮阴区按代码查找测试有限公司"));
        await services.ConsumedAsync(id);

        var log = await services.ContactLogWhenAsync(subjectId, l => l.Status("sms") is "sent" or "delivered", "the acceptance SMS sent");
        Assert.Equal(["sms", "weChat"], NotificationSteps.Channels(log));
        var sms = Assert.Single(await services.SimulatorMessagesAsync(mobile));
        Assert.Equal("application-submitted-sms", sms.GetProperty("template").GetString());
        Assert.Equal("淮阴区按代码查找测试有限公司", sms.GetProperty("parameters").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_notice_to_an_applicant_unknown_to_grading_is_recorded_as_not_sendable_and_joins_the_contact_log_once_registered()
    {
        var residentId = TestIdentifiers.NewResidentId();
        var id = await services.PublishOnBusAsync(Submitted(Guid.Empty, SubjectKind.NaturalPerson, residentId, "孙立新"));
        await services.ConsumedAsync(id);

        var recorded = await services.Notifications.QueryAsync(db =>
            db.Set<ContactLogEntry>().AsNoTracking().Where(e => e.Identifier == residentId).ToListAsync(Api.Cancellation));
        Assert.Equal([Channel.Sms, Channel.WeChat], recorded.Select(e => e.Channel).Order());
        var masked = PersonalData.MaskIdentifier(residentId);
        Assert.All(recorded, e =>
        {
            Assert.Equal(ContactStatus.Failed, e.Status);
            Assert.Equal(0, e.Attempts);
            Assert.Equal(Guid.Empty, e.SubjectId);
            Assert.Equal($"申请人（身份证号 {masked}）尚未登记为信用主体，没有可用的联系方式，本条通知无法发送。", e.LastError);
        });

        // Registered later: the unsent notices show in the new subject's contact log, still unsent.
        var subjectId = Guid.NewGuid();
        var mobile = TestIdentifiers.NewMobile();
        await services.FeedContactAsync(subjectId, "孙立新", mobile, identifier: residentId, kind: SubjectKind.NaturalPerson);
        var log = await services.ContactLogAsync(subjectId);
        Assert.Equal(["sms", "weChat"], NotificationSteps.Channels(log));
        Assert.All(log.EnumerateArray(), e =>
        {
            Assert.Equal("failed", e.GetProperty("status").GetString());
            Assert.Contains("尚未登记为信用主体", e.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        });
        Assert.Empty(await services.SimulatorMessagesAsync(mobile));
    }

    [Fact]
    public async Task A_service_order_change_is_announced_by_sms_and_wechat()
    {
        var subjectId = Guid.NewGuid();
        var id = await services.PublishOnBusAsync(new ServiceOrderChanged
        {
            OrderId = Guid.NewGuid(),
            SubjectId = subjectId,
            ServiceCode = "energy-saving-consulting",
            ServiceName = "节能咨询",
            Status = "scheduled",
            StatusName = "已排期",
            ChangedAt = new DateTimeOffset(2026, 4, 3, 10, 0, 0, TimeSpan.FromHours(8)),
        });
        await services.ConsumedAsync(id);

        var contacts = await services.ContactLogAsync(subjectId);
        Assert.Equal(["sms", "weChat"], NotificationSteps.Channels(contacts));
        Assert.All(contacts.EnumerateArray(), c =>
        {
            Assert.Contains("节能咨询", c.GetProperty("content").GetString(), StringComparison.Ordinal);
            Assert.Contains("已排期", c.GetProperty("content").GetString(), StringComparison.Ordinal);
        });
    }

    private static ApplicationSubmitted Submitted(Guid subjectId, SubjectKind kind, string identifier, string name) => new()
    {
        ApplicationId = Guid.NewGuid(),
        SubjectId = subjectId,
        SubjectKind = kind,
        Identifier = identifier,
        ApplicantName = name,
        ApplicationType = "new-connection",
        ApplicationTypeName = "新装",
        GreenChannel = false,
        CreditPath = false,
        SubmittedAt = DateTimeOffset.UtcNow,
    };
}
