using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Dates;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using MassTransit;

namespace CreditPower.IntegrationTests.Notifications;

/// <summary>
/// DOMAIN.md §6 guarantees, from a grade change on the bus to what the gateway simulator received: one message per
/// trigger and channel, quiet hours, retries then given up, receipts, preferences.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class DispatchTests(ServicesFixture services)
{
    private const string Name = "淮阴区派发测试有限公司";

    [Fact]
    public async Task A_downgrade_to_yellow_delivered_twice_sends_one_sms_and_one_wechat_message()
    {
        var (subjectId, mobile, openId) = await services.CustomerAsync(Name);
        var change = NotificationSteps.GradeChange(subjectId, Name, CreditColour.Blue, CreditColour.Yellow, 74);
        var messageId = NewId.NextGuid();

        // The same message twice (a redelivery), then the same fact under a new MessageId (a re-publish).
        await services.PublishAsync(change, messageId);
        await services.PublishAsync(change, messageId, expectedDeliveries: 2);
        await services.PublishAsync(change);

        var log = await services.ContactLogWhenAsync(subjectId,
            l => l.Dispatched().Count() == 2 && l.Status("sms") is "sent" or "delivered" && l.Status("weChat") is "sent" or "delivered", "both reminders sent");
        var sms = Assert.Single(await services.SimulatorMessagesAsync(mobile));
        var wechat = Assert.Single(await services.SimulatorMessagesAsync(openId));
        Assert.Equal(Name, sms.GetProperty("parameters").GetProperty("name").GetString());
        Assert.Equal("黄色", sms.GetProperty("parameters").GetProperty("colour").GetString());
        Assert.Equal("74", wechat.GetProperty("parameters").GetProperty("score").GetString());
        Assert.Equal(log.Entry("sms").GetProperty("id").GetGuid().ToString("N"), sms.GetProperty("reference").GetString());
        Assert.Equal(sms.GetProperty("providerId").GetString(), log.Entry("sms").GetProperty("providerMessageId").GetString());
        Assert.Equal(wechat.GetProperty("providerId").GetString(), log.Entry("weChat").GetProperty("providerMessageId").GetString());
        Assert.Equal(mobile[..3] + "****" + mobile[^4..], log.Entry("sms").GetProperty("recipient").GetString());
        Assert.Equal(1, log.Entry("sms").GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task At_half_past_ten_at_night_nothing_is_sent_and_at_eight_in_the_morning_it_is()
    {
        var (subjectId, mobile, openId) = await services.CustomerAsync(Name);
        try
        {
            var night = services.Clock.AdvanceToBeijingTime(new TimeOnly(22, 30));
            await services.PublishAsync(NotificationSteps.GradeChange(subjectId, Name, CreditColour.Blue, CreditColour.Yellow, 74));

            // Held: both entries wait for 08:00 Beijing time (00:00 UTC) the next morning.
            var morning = night.Date.AddDays(1);
            var held = await services.ContactLogWhenAsync(subjectId,
                l => l.Dispatched().Count() == 2 && l.Dispatched().All(e => e.GetProperty("nextAttemptAt").GetDateTimeOffset() == new DateTimeOffset(morning, TimeSpan.Zero)),
                "both reminders held to the morning");
            Assert.All(held.Dispatched(), e => Assert.Equal("queued", e.GetProperty("status").GetString()));
            Assert.All(held.Dispatched(), e => Assert.Equal(0, e.GetProperty("attempts").GetInt32()));
            // The configured hours (the defaults here), and the morning it goes out on the Beijing clock.
            Assert.All(held.Dispatched(), e => Assert.Equal(
                $"免打扰时段（21:00–08:00），顺延至 {ChinaDates.Numeric(new DateTimeOffset(morning, TimeSpan.Zero))} 08:00 发送",
                e.GetProperty("lastError").GetString()));
            Assert.Empty(await services.SimulatorMessagesAsync(mobile));
            Assert.Empty(await services.SimulatorMessagesAsync(openId));

            services.Clock.AdvanceToBeijingTime(new TimeOnly(8, 0));

            await services.ContactLogWhenAsync(subjectId, l => l.Status("sms") is "sent" or "delivered" && l.Status("weChat") is "sent" or "delivered", "the reminders sent at eight");
            Assert.Single(await services.SimulatorMessagesAsync(mobile));
            Assert.Single(await services.SimulatorMessagesAsync(openId));
        }
        finally
        {
            services.Clock.AdvanceToBeijingTime(new TimeOnly(10, 0));
        }
    }

    [Fact]
    public async Task A_throttled_sms_is_retried_and_sent_on_the_next_attempt()
    {
        var (subjectId, mobile, _) = await services.CustomerAsync(Name);
        await services.SimulatorAsync(HttpMethod.Post, "/simulator/faults", new { channel = "sms", code = "isv.BUSINESS_LIMIT_CONTROL", count = 1, to = mobile });

        await services.PublishAsync(NotificationSteps.GradeChange(subjectId, Name, CreditColour.Blue, CreditColour.Yellow, 74));

        var log = await services.ContactLogWhenAsync(subjectId, l => l.Status("sms") is "sent" or "delivered", "the SMS sent after a retry");
        Assert.Equal(2, log.Entry("sms").GetProperty("attempts").GetInt32());
        Assert.Single(await services.SimulatorMessagesAsync(mobile));
    }

    [Fact]
    public async Task An_sms_failing_every_attempt_is_given_up_after_the_last_and_NotificationFailed_is_published()
    {
        var (subjectId, mobile, _) = await services.CustomerAsync(Name);
        await services.SimulatorAsync(HttpMethod.Post, "/simulator/faults", new { channel = "sms", code = "503", count = 10, to = mobile });

        await services.PublishAsync(NotificationSteps.GradeChange(subjectId, Name, CreditColour.Blue, CreditColour.Yellow, 74));

        var log = await services.ContactLogWhenAsync(subjectId, l => l.Status("sms") == "givenUp", "the SMS given up");
        var sms = log.Entry("sms");
        Assert.Equal(3, sms.GetProperty("attempts").GetInt32());
        Assert.Contains("ServiceUnavailable", sms.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Empty(await services.SimulatorMessagesAsync(mobile));
        var failed = Assert.Single(await services.Notifications.OutboxAsync<NotificationFailed>("notificationId", sms.GetProperty("id").GetGuid()));
        Assert.True(failed.GetProperty("givenUp").GetBoolean());
        Assert.Equal("sms", failed.GetProperty("channel").GetString());
        Assert.Equal(3, failed.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task An_invalid_number_fails_at_once_without_retries()
    {
        var subjectId = Guid.NewGuid();
        await services.FeedContactAsync(subjectId, Name, "12812345678");

        await services.PublishAsync(NotificationSteps.GradeChange(subjectId, Name, CreditColour.Blue, CreditColour.Yellow, 74));

        var log = await services.ContactLogWhenAsync(subjectId, l => l.Status("sms") == "failed", "the SMS failed");
        Assert.Equal(1, log.Entry("sms").GetProperty("attempts").GetInt32());
        Assert.Contains("isv.MOBILE_NUMBER_ILLEGAL", log.Entry("sms").GetProperty("lastError").GetString(), StringComparison.Ordinal);
        // No binding: the WeChat reminder fails as "not bound", without calling WeChat.
        Assert.Equal("failed", log.Status("weChat"));
        Assert.Contains("未绑定", log.Entry("weChat").GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var failed = Assert.Single(await services.Notifications.OutboxAsync<NotificationFailed>("notificationId", log.Entry("sms").GetProperty("id").GetGuid()));
        Assert.False(failed.GetProperty("givenUp").GetBoolean());
    }

    [Fact]
    public async Task The_delivery_receipt_marks_the_sms_delivered_and_publishes_NotificationDelivered()
    {
        var (subjectId, _, _) = await services.CustomerAsync(Name);

        await services.PublishAsync(NotificationSteps.GradeChange(subjectId, Name, CreditColour.Blue, CreditColour.Yellow, 74));

        var log = await services.ContactLogWhenAsync(subjectId, l => l.Status("sms") == "delivered", "the receipt to arrive");
        var sms = log.Entry("sms");
        Assert.NotEqual(JsonValueKind.Null, sms.GetProperty("deliveredAt").ValueKind);
        var delivered = Assert.Single(await services.Notifications.OutboxAsync<NotificationDelivered>("notificationId", sms.GetProperty("id").GetGuid()));
        Assert.Equal(sms.GetProperty("providerMessageId").GetString(), delivered.GetProperty("providerMessageId").GetString());
        Assert.Equal(subjectId, delivered.GetProperty("subjectId").GetGuid());
    }

    [Fact]
    public async Task A_receipt_reporting_failure_marks_the_sms_failed()
    {
        var (subjectId, mobile, _) = await services.CustomerAsync(Name);
        await services.SimulatorAsync(HttpMethod.Put, "/simulator/sms/deliverability", new { phoneNumber = mobile, deliverable = false });

        await services.PublishAsync(NotificationSteps.GradeChange(subjectId, Name, CreditColour.Blue, CreditColour.Yellow, 74));

        var log = await services.ContactLogWhenAsync(subjectId, l => l.Status("sms") == "failed", "the failure receipt to arrive");
        Assert.Contains("MK:0001", log.Entry("sms").GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Single(await services.SimulatorMessagesAsync(mobile));
    }

    [Fact]
    public async Task A_receipt_without_the_callback_token_is_refused_and_changes_nothing()
    {
        var (subjectId, _, _) = await services.CustomerAsync(Name);
        await services.PublishAsync(NotificationSteps.GradeChange(subjectId, Name, CreditColour.Blue, CreditColour.Yellow, 74));
        var log = await services.ContactLogWhenAsync(subjectId, l => l.Status("sms") is "sent" or "delivered", "the SMS sent");
        var sms = log.Entry("sms");
        using var anonymous = services.Notifications.CreateClient();
        using var staff = services.CreateClient(ResourceNames.Notifications, Roles.Admin);
        object[] receipt = [new { phone_number = "x", success = false, err_code = "FORGED", biz_id = sms.GetProperty("providerMessageId").GetString(), out_id = sms.GetProperty("id").GetGuid().ToString("N") }];

        using var noToken = await anonymous.PostAsJsonAsync("/api/callbacks/sms-reports", receipt, Api.Cancellation);
        using var wrongToken = await anonymous.PostAsJsonAsync("/api/callbacks/sms-reports?token=wrong", receipt, Api.Cancellation);
        using var staffToken = await staff.PostAsJsonAsync("/api/callbacks/sms-reports", receipt, Api.Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, staffToken.StatusCode);
        var after = await services.ContactLogWhenAsync(subjectId, l => l.Status("sms") is "sent" or "delivered", "the SMS still sent or delivered");
        Assert.DoesNotContain("FORGED", after.Entry("sms").GetProperty("lastError").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_who_switched_sms_off_gets_no_sms_but_still_the_wechat_message()
    {
        var (subjectId, mobile, openId) = await services.CustomerAsync(Name);
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);
        var preferences = await clerk.PutJsonAsync($"/api/subjects/{subjectId}/channel-preferences", new { smsEnabled = false, weChatEnabled = true }, HttpStatusCode.OK);
        Assert.False(preferences.GetProperty("smsEnabled").GetBoolean());

        await services.PublishAsync(NotificationSteps.GradeChange(subjectId, Name, CreditColour.Blue, CreditColour.Yellow, 74));

        var log = await services.ContactLogWhenAsync(subjectId, l => l.Status("sms") == "failed" && l.Status("weChat") is "sent" or "delivered", "SMS refused, WeChat sent");
        Assert.Contains("关闭短信", log.Entry("sms").GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Empty(await services.SimulatorMessagesAsync(mobile));
        Assert.Single(await services.SimulatorMessagesAsync(openId));
    }

    [Fact]
    public async Task An_older_profile_arriving_late_does_not_overwrite_the_mobile()
    {
        var subjectId = Guid.NewGuid();
        var current = TestIdentifiers.NewMobile();
        var now = DateTimeOffset.UtcNow;
        await services.FeedContactAsync(subjectId, Name, current, now);
        await services.FeedContactAsync(subjectId, Name, TestIdentifiers.NewMobile(), now.AddMinutes(-5));
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);

        var contact = await clerk.GetJsonAsync($"/api/subjects/{subjectId}/contact");

        Assert.Equal(current[..3] + "****" + current[^4..], contact.GetProperty("mobile").GetString());
    }
}
