using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;

namespace CreditPower.EndToEnd;

/// <summary>
/// The whole chain in the running system: an event recorded in Grading turns a subject yellow, and the gateway
/// simulator (standing in for Alibaba Cloud SMS and WeChat) receives exactly one SMS and one template message.
/// </summary>
public sealed class NotificationDeliveryTests(AppHostFixture system)
{
    private const string Name = "淮阴区通达电气设备有限公司";

    [Fact]
    public async Task A_downgrade_to_yellow_ends_with_one_sms_and_one_wechat_message_in_the_simulator()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var clerkGrading = system.CreateClient(ResourceNames.Grading, "clerk", Roles.Clerk);
        using var officer = system.CreateClient(ResourceNames.Grading, "officer", Roles.CreditOfficer);
        using var secondOfficer = system.CreateClient(ResourceNames.Grading, "officer2", Roles.CreditOfficer);
        using var clerkNotifications = system.CreateClient(ResourceNames.Notifications, "clerk", Roles.Clerk);
        using var simulator = system.CreateSimulatorClient();
        var mobile = TestIdentifiers.NewMobile();
        var openId = TestIdentifiers.NewOpenId();

        using var registered = await clerkGrading.PostAsJsonAsync("/api/subjects", new
        {
            kind = "legalEntity",
            identifier = TestIdentifiers.NewUscc(),
            name = Name,
            mobile,
            accounts = new[] { TestIdentifiers.NewAccountNumber() },
        }, cancellation);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var subjectId = (await registered.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("id").GetGuid();

        // Notifications learns the mobile from Grading's SubjectProfileChanged; the customer binds WeChat at the counter.
        await Eventually.UntilAsync(async () =>
        {
            using var contact = await clerkNotifications.GetAsync($"/api/subjects/{subjectId}/contact", cancellation);
            return contact.StatusCode == HttpStatusCode.OK;
        }, "Notifications to know the subject's contacts");
        using var bound = await clerkNotifications.PutAsJsonAsync($"/api/subjects/{subjectId}/wechat-binding",
            new { openId, consentedAt = DateTimeOffset.UtcNow.AddMinutes(-1) }, cancellation);
        Assert.Equal(HttpStatusCode.OK, bound.StatusCode);

        // 100 − 10 − 10 − 4 − 2 = 74: yellow.
        JsonElement last = default;
        foreach (var eventType in new[] { "repayment-agreement-broken", "supply-suspended", "late-payment-16-30", "late-payment-1-15" })
        {
            using var recorded = await officer.PostAsJsonAsync($"/api/subjects/{subjectId}/events",
                new { eventType, occurredAt = DateTimeOffset.UtcNow.AddDays(-3), evidence = "营销系统缴费记录" }, cancellation);
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
            var pending = await recorded.Content.ReadFromJsonAsync<JsonElement>(cancellation);
            using var approved = await secondOfficer.PostAsJsonAsync($"/api/events/{pending.GetProperty("eventId").GetGuid()}/approve", new { }, cancellation);
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
            last = await approved.Content.ReadFromJsonAsync<JsonElement>(cancellation);
        }

        Assert.Equal("yellow", last.GetProperty("colour").GetString());

        var log = await Eventually.GetAsync(
            () => clerkNotifications.GetFromJsonAsync<JsonElement?>($"/api/subjects/{subjectId}/contact-log", cancellation),
            l => l.EnumerateArray().Where(e => e.GetProperty("channel").GetString() is "sms" or "weChat").ToList() is { Count: 2 } dispatched
                && dispatched.All(e => e.GetProperty("status").GetString() is "sent" or "delivered"),
            "the SMS and the WeChat reminder sent", TimeSpan.FromSeconds(60));
        var sms = await simulator.GetFromJsonAsync<JsonElement[]>($"/simulator/messages?to={mobile}", cancellation);
        var wechat = await simulator.GetFromJsonAsync<JsonElement[]>($"/simulator/messages?to={openId}", cancellation);
        Assert.Equal("淮阴供电", Assert.Single(sms!).GetProperty("sign").GetString());
        Assert.Equal(Name, sms![0].GetProperty("parameters").GetProperty("name").GetString());
        Assert.Equal("黄色", Assert.Single(wechat!).GetProperty("parameters").GetProperty("colour").GetString());
        Assert.Equal(["call-script-yellow", "grade-yellow-sms", "grade-yellow-wechat"],
            log.EnumerateArray().Select(e => e.GetProperty("templateCode").GetString()).Order(StringComparer.Ordinal));

        // The simulator pushes the carrier's receipt and WeChat's TEMPLATESENDJOBFINISH event back to Notifications'
        // callbacks (the receipt token and the server Token from the AppHost's parameters).
        await Eventually.GetAsync(
            () => clerkNotifications.GetFromJsonAsync<JsonElement?>($"/api/subjects/{subjectId}/contact-log", cancellation),
            l => l.EnumerateArray().Count(e => e.GetProperty("channel").GetString() is "sms" or "weChat" && e.GetProperty("status").GetString() == "delivered") == 2,
            "the SMS delivery receipt and the WeChat delivery event");
    }
}
