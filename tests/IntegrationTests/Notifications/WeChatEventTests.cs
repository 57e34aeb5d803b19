using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;

namespace CreditPower.IntegrationTests.Notifications;

/// <summary>
/// WeChat's TEMPLATESENDJOBFINISH events, from the gateway simulator (or pushed here as WeChat would) to Notifications'
/// callback: the MsgID's contact-log entry delivered or failed, the signature required, repeats and strangers harmless.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class WeChatEventTests(ServicesFixture services)
{
    private const string Name = "淮阴区微信回执测试有限公司";
    private const string Callback = "/api/callbacks/wechat-events";

    [Fact]
    public async Task A_template_message_WeChat_reports_delivered_is_marked_delivered_and_NotificationDelivered_published()
    {
        var (subjectId, _, openId) = await services.CustomerAsync(Name);

        await services.PublishAsync(NotificationSteps.GradeChange(subjectId, Name, CreditColour.Blue, CreditColour.Yellow, 74));

        var log = await services.ContactLogWhenAsync(subjectId, l => l.Status("weChat") == "delivered", "the WeChat event to arrive");
        var wechat = log.Entry("weChat");
        var msgId = Assert.Single(await services.SimulatorMessagesAsync(openId)).GetProperty("providerId").GetString();
        Assert.Equal(msgId, wechat.GetProperty("providerMessageId").GetString());
        Assert.NotEqual(JsonValueKind.Null, wechat.GetProperty("deliveredAt").ValueKind);
        var id = wechat.GetProperty("id").GetGuid();
        var delivered = Assert.Single(await services.Notifications.OutboxAsync<NotificationDelivered>("notificationId", id));
        Assert.Equal("weChat", delivered.GetProperty("channel").GetString());
        Assert.Equal(msgId, delivered.GetProperty("providerMessageId").GetString());
        Assert.Empty(await services.Notifications.OutboxAsync<NotificationFailed>("notificationId", id));
    }

    [Fact]
    public async Task An_event_arriving_before_the_round_that_sent_the_message_commits_is_applied_after_it()
    {
        var (subjectId, _, openId) = await services.CustomerAsync(Name);
        // The SMS sent in the same round answers late: the round records the WeChat message as sent (with its MsgID) only
        // then, well after WeChat's event for it has arrived.
        await services.SimulatorAsync(HttpMethod.Put, "/simulator/latency", new { milliseconds = 1500, channel = "sms" });
        try
        {
            await services.PublishAsync(NotificationSteps.GradeChange(subjectId, Name, CreditColour.Blue, CreditColour.Yellow, 74));

            var log = await services.ContactLogWhenAsync(subjectId, l => l.Status("weChat") == "delivered", "the early WeChat event applied");
            Assert.Equal(Assert.Single(await services.SimulatorMessagesAsync(openId)).GetProperty("providerId").GetString(),
                log.Entry("weChat").GetProperty("providerMessageId").GetString());
        }
        finally
        {
            await services.SimulatorAsync(HttpMethod.Put, "/simulator/latency", new { milliseconds = 0, channel = "sms" });
        }
    }

    [Fact]
    public async Task A_template_message_the_follower_blocked_is_marked_failed_with_the_reason_in_Chinese()
    {
        var (subjectId, _, openId) = await services.CustomerAsync(Name);
        await services.SimulatorAsync(HttpMethod.Put, "/simulator/wechat/delivery", new { openId, status = "failed:user block" });

        await services.PublishAsync(NotificationSteps.GradeChange(subjectId, Name, CreditColour.Blue, CreditColour.Yellow, 74));

        var log = await services.ContactLogWhenAsync(subjectId, l => l.Status("weChat") == "failed", "the WeChat failure event to arrive");
        var wechat = log.Entry("weChat");
        Assert.Contains("用户已拒收", wechat.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, wechat.GetProperty("attempts").GetInt32());
        var id = wechat.GetProperty("id").GetGuid();
        var failed = Assert.Single(await services.Notifications.OutboxAsync<NotificationFailed>("notificationId", id));
        Assert.False(failed.GetProperty("givenUp").GetBoolean());
        Assert.Contains("用户已拒收", failed.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(await services.Notifications.OutboxAsync<NotificationDelivered>("notificationId", id));
    }

    [Fact]
    public async Task An_event_without_a_valid_signature_is_refused_and_changes_nothing()
    {
        var (subjectId, openId, msgId, id) = await SentWithoutEventAsync();
        var now = services.Clock.GetUtcNow();
        var forged = EventXml(openId, msgId, "failed:user block", now);
        using var anonymous = services.Notifications.CreateClient();
        using var staff = services.CreateClient(ResourceNames.Notifications, Roles.Admin);

        var unsigned = await PostAsync(anonymous, "", forged);
        var otherToken = await PostAsync(anonymous, SignedQuery("wrong-token", now, openId), forged);
        var stale = await PostAsync(anonymous, SignedQuery(services.WeChatServerToken, now.AddMinutes(-10), openId), forged);
        var tamperedNonce = await PostAsync(anonymous, SignedQuery(services.WeChatServerToken, now, openId).Replace("&nonce=", "&nonce=1", StringComparison.Ordinal), forged);
        var staffOnly = await PostAsync(staff, "", forged);

        Assert.All([unsigned, otherToken, stale, tamperedNonce, staffOnly], answer => Assert.Equal(HttpStatusCode.Unauthorized, answer.Status));
        var after = (await services.ContactLogAsync(subjectId)).Entry("weChat");
        Assert.Equal("sent", after.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("lastError").ValueKind);
        Assert.Empty(await services.Notifications.OutboxAsync<NotificationFailed>("notificationId", id));

        // The same event, signed as WeChat signs it, is applied: the refusals above were the signature's doing.
        Assert.Equal((HttpStatusCode.OK, "success"), await PostAsync(anonymous, SignedQuery(services.WeChatServerToken, now, openId), forged));
        Assert.Equal("failed", (await services.ContactLogAsync(subjectId)).Status("weChat"));
    }

    [Fact]
    public async Task A_signed_event_naming_another_recipient_does_not_settle_the_message()
    {
        var (subjectId, _, msgId, id) = await SentWithoutEventAsync();
        var (_, _, otherOpenId) = await services.CustomerAsync(Name);
        var now = services.Clock.GetUtcNow();
        using var wechat = services.Notifications.CreateClient();

        // The body is not signed in plaintext mode: one signed URL seen must not let anyone settle any MsgID.
        var answer = await PostAsync(wechat, SignedQuery(services.WeChatServerToken, now, otherOpenId), EventXml(otherOpenId, msgId, "failed:user block", now));

        Assert.Equal((HttpStatusCode.OK, "success"), answer);
        Assert.Equal("sent", (await services.ContactLogAsync(subjectId)).Status("weChat"));
        Assert.Empty(await services.Notifications.OutboxAsync<NotificationFailed>("notificationId", id));
    }

    [Fact]
    public async Task A_signed_query_carries_only_the_body_it_first_came_with()
    {
        var (subjectId, openId, msgId, id) = await SentWithoutEventAsync();
        var now = services.Clock.GetUtcNow();
        var query = SignedQuery(services.WeChatServerToken, now, openId);
        using var wechat = services.Notifications.CreateClient();

        // WeChat's own retry sends the same body again; someone reusing the signed query sends another.
        var first = await PostAsync(wechat, query, EventXml(openId, "1000000000000002", "success", now));
        var retry = await PostAsync(wechat, query, EventXml(openId, "1000000000000002", "success", now));
        var reused = await PostAsync(wechat, query, EventXml(openId, msgId, "failed:user block", now));

        Assert.Equal((HttpStatusCode.OK, "success"), first);
        Assert.Equal((HttpStatusCode.OK, "success"), retry);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.Status);
        Assert.Equal("sent", (await services.ContactLogAsync(subjectId)).Status("weChat"));
        Assert.Empty(await services.Notifications.OutboxAsync<NotificationFailed>("notificationId", id));
    }

    [Fact]
    public async Task A_repeated_event_changes_nothing_and_an_unknown_MsgID_is_answered_success()
    {
        var (subjectId, _, openId) = await services.CustomerAsync(Name);
        await services.PublishAsync(NotificationSteps.GradeChange(subjectId, Name, CreditColour.Blue, CreditColour.Yellow, 74));
        var first = (await services.ContactLogWhenAsync(subjectId, l => l.Status("weChat") == "delivered", "the WeChat event to arrive")).Entry("weChat");
        var msgId = first.GetProperty("providerMessageId").GetString()!;
        var id = first.GetProperty("id").GetGuid();
        var now = services.Clock.GetUtcNow();
        using var wechat = services.Notifications.CreateClient();

        var repeat = await PostAsync(wechat, SignedQuery(services.WeChatServerToken, now, openId), EventXml(openId, msgId, "success", now.AddMinutes(1)));
        var contrary = await PostAsync(wechat, SignedQuery(services.WeChatServerToken, now, openId), EventXml(openId, msgId, "failed: system failed", now));
        var unknown = await PostAsync(wechat, SignedQuery(services.WeChatServerToken, now, openId), EventXml(openId, "1000000000000001", "success", now));

        Assert.All([repeat, contrary, unknown], answer => Assert.Equal((HttpStatusCode.OK, "success"), answer));
        var after = (await services.ContactLogAsync(subjectId)).Entry("weChat");
        Assert.Equal("delivered", after.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("deliveredAt").GetDateTimeOffset(), after.GetProperty("deliveredAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("lastError").ValueKind);
        Assert.Single(await services.Notifications.OutboxAsync<NotificationDelivered>("notificationId", id));
        Assert.Empty(await services.Notifications.OutboxAsync<NotificationFailed>("notificationId", id));
    }

    [Fact]
    public async Task WeChat_checking_the_server_URL_gets_its_echostr_back_only_with_a_valid_signature()
    {
        using var wechat = services.Notifications.CreateClient();
        var now = services.Clock.GetUtcNow();

        using var signed = await wechat.GetAsync($"{Callback}{SignedQuery(services.WeChatServerToken, now, null)}&echostr=6512358930284017", Api.Cancellation);
        using var forged = await wechat.GetAsync($"{Callback}{SignedQuery("wrong-token", now, null)}&echostr=6512358930284017", Api.Cancellation);

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal("6512358930284017", await signed.Content.ReadAsStringAsync(Api.Cancellation));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    /// <summary>A customer's WeChat reminder, sent, for which WeChat (the simulator) pushes no event.</summary>
    private async Task<(Guid SubjectId, string OpenId, string MsgId, Guid Id)> SentWithoutEventAsync()
    {
        var (subjectId, _, openId) = await services.CustomerAsync(Name);
        await services.SimulatorAsync(HttpMethod.Put, "/simulator/wechat/delivery", new { openId, status = "none" });
        await services.PublishAsync(NotificationSteps.GradeChange(subjectId, Name, CreditColour.Blue, CreditColour.Yellow, 74));
        var wechat = (await services.ContactLogWhenAsync(subjectId, l => l.Status("weChat") == "sent", "the WeChat reminder sent")).Entry("weChat");
        return (subjectId, openId, wechat.GetProperty("providerMessageId").GetString()!, wechat.GetProperty("id").GetGuid());
    }

    private static string EventXml(string openId, string msgId, string status, DateTimeOffset at) => $"""
        <xml><ToUserName><![CDATA[gh_0c7d5e3a91f2]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName><CreateTime>{at.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event><MsgID>{msgId}</MsgID><Status><![CDATA[{status}]]></Status></xml>
        """;

    /// <summary>The query WeChat adds to what it pushes, signed here from the protocol's description (not with Notifications' code).</summary>
    private static string SignedQuery(string token, DateTimeOffset at, string? openId)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        // SHA-1 is WeChat's choice, not ours.
#pragma warning disable CA5350
        var signature = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(new[] { token, timestamp, nonce }.Order(StringComparer.Ordinal)))));
#pragma warning restore CA5350
        return $"?signature={signature}&timestamp={timestamp}&nonce={nonce}" + (openId is null ? "" : $"&openid={openId}");
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient client, string query, string xml)
    {
        using var content = new StringContent(xml, Encoding.UTF8, "text/xml");
        using var response = await client.PostAsync(Callback + query, content, Api.Cancellation);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Api.Cancellation));
    }
}
