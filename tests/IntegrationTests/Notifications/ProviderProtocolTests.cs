using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.Notifications.Channels;
using CreditPower.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CreditPower.IntegrationTests.Notifications;

/// <summary>
/// Notifications' provider clients against the gateway simulator over real HTTP: the SMS signature checked by an
/// independent implementation, provider errors mapped, the WeChat token shared through the run's Redis.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class ProviderProtocolTests(ServicesFixture services)
{
    private static readonly Dictionary<string, string> _values = new() { ["name"] = "淮阴区协议测试有限公司", ["colour"] = "黄色", ["score"] = "74" };

    [Fact]
    public async Task A_signed_SendSms_is_accepted_and_the_simulator_holds_its_template_values_and_OutId()
    {
        var mobile = TestIdentifiers.NewMobile();
        var outId = Guid.NewGuid().ToString("N");

        var result = await SmsClient().SendAsync(mobile, "grade-yellow-sms", _values, outId, Api.Cancellation);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var message = Assert.Single(await services.SimulatorMessagesAsync(mobile));
        Assert.Equal(result.ProviderMessageId, message.GetProperty("providerId").GetString());
        Assert.Equal("淮阴供电", message.GetProperty("sign").GetString());
        Assert.Equal("grade-yellow-sms", message.GetProperty("template").GetString());
        Assert.Equal(outId, message.GetProperty("reference").GetString());
        Assert.Equal("淮阴区协议测试有限公司", message.GetProperty("parameters").GetProperty("name").GetString());
        Assert.Equal("74", message.GetProperty("parameters").GetProperty("score").GetString());
    }

    [Fact]
    public async Task The_simulator_lists_only_the_messages_after_those_a_poller_has_read()
    {
        using var control = services.CreateSimulatorClient();
        var readBefore = (await control.GetFromJsonAsync<JsonElement[]>("/simulator/messages", Api.Cancellation))!.Select(m => m.GetProperty("sequence").GetInt64()).DefaultIfEmpty(0).Max();
        var (first, second) = (TestIdentifiers.NewMobile(), TestIdentifiers.NewMobile());

        await SmsClient().SendAsync(first, "grade-yellow-sms", _values, "skip-1", Api.Cancellation);
        await SmsClient().SendAsync(second, "grade-yellow-sms", _values, "skip-2", Api.Cancellation);
        var fresh = (await control.GetFromJsonAsync<JsonElement[]>($"/simulator/messages?after={readBefore}", Api.Cancellation))!;
        var later = (await control.GetFromJsonAsync<JsonElement[]>($"/simulator/messages?after={fresh[^1].GetProperty("sequence").GetInt64()}", Api.Cancellation))!;

        Assert.Equal([first, second], fresh.Select(m => m.GetProperty("to").GetString()).Where(to => to == first || to == second));
        Assert.DoesNotContain(later, m => m.GetProperty("to").GetString() is var to && (to == first || to == second));
    }

    [Fact]
    public async Task A_request_signed_with_the_wrong_secret_is_refused_and_nothing_is_sent()
    {
        var mobile = TestIdentifiers.NewMobile();
        var wrong = services.Notifications.Services.GetRequiredService<IOptions<SmsOptions>>().Value;
        var options = new SmsOptions { BaseUrl = wrong.BaseUrl, AccessKeyId = wrong.AccessKeyId, AccessKeySecret = wrong.AccessKeySecret + "x", SignName = wrong.SignName };
        using var http = new HttpClient();

        var result = await new AliyunSmsClient(http, Options.Create(options), services.Clock).SendAsync(mobile, "grade-yellow-sms", _values, "1", Api.Cancellation);

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.StartsWith("SignatureDoesNotMatch", result.Error, StringComparison.Ordinal);
        Assert.Empty(await services.SimulatorMessagesAsync(mobile));
    }

    [Fact]
    public async Task A_replayed_request_and_a_stale_timestamp_are_refused_as_the_provider_would()
    {
        var mobile = TestIdentifiers.NewMobile();
        var sms = services.Notifications.Services.GetRequiredService<IOptions<SmsOptions>>().Value;
        using var gateway = services.Simulator.CreateClient();
        var form = AliyunSmsClient.BuildSignedRequest(sms, mobile, "grade-yellow-sms", _values, "replay", services.Clock.GetUtcNow(), Guid.NewGuid().ToString("N"));

        var first = await PostFormAsync(gateway, form);
        var replay = await PostFormAsync(gateway, form);
        var stale = await PostFormAsync(gateway, AliyunSmsClient.BuildSignedRequest(sms, mobile, "grade-yellow-sms", _values, "stale",
            services.Clock.GetUtcNow().AddMinutes(-20), Guid.NewGuid().ToString("N")));

        Assert.Equal((HttpStatusCode.OK, "OK"), first);
        Assert.Equal((HttpStatusCode.BadRequest, "SignatureNonceUsed"), replay);
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidTimeStamp.Expired"), stale);
        Assert.Single(await services.SimulatorMessagesAsync(mobile));
    }

    [Theory]
    [InlineData("12345", SendOutcome.Permanent, "isv.MOBILE_NUMBER_ILLEGAL")]
    [InlineData("12812345678", SendOutcome.Permanent, "isv.MOBILE_NUMBER_ILLEGAL")]
    public async Task An_invalid_number_fails_permanently(string number, SendOutcome outcome, string code)
    {
        var result = await SmsClient().SendAsync(number, "grade-yellow-sms", _values, "invalid", Api.Cancellation);

        Assert.Equal(outcome, result.Outcome);
        Assert.StartsWith(code, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("isv.BUSINESS_LIMIT_CONTROL", SendOutcome.RetryLater)]
    [InlineData("500", SendOutcome.RetryLater)]
    [InlineData("503", SendOutcome.RetryLater)]
    [InlineData("isv.SMS_TEMPLATE_ILLEGAL", SendOutcome.Permanent)]
    public async Task Provider_errors_map_to_retry_later_or_permanent(string code, SendOutcome outcome)
    {
        var mobile = TestIdentifiers.NewMobile();
        await services.SimulatorAsync(HttpMethod.Post, "/simulator/faults", new { channel = "sms", code, count = 1, to = mobile });

        var failed = await SmsClient().SendAsync(mobile, "grade-yellow-sms", _values, "fault", Api.Cancellation);
        var next = await SmsClient().SendAsync(mobile, "grade-yellow-sms", _values, "after-fault", Api.Cancellation);

        Assert.Equal(outcome, failed.Outcome);
        Assert.Contains(code == "500" ? "InternalError" : code == "503" ? "ServiceUnavailable" : code, failed.Error, StringComparison.Ordinal);
        Assert.Equal(SendOutcome.Sent, next.Outcome);
        Assert.Single(await services.SimulatorMessagesAsync(mobile));
    }

    [Fact]
    public async Task Two_replicas_fetch_the_WeChat_token_once_and_share_it_through_Redis()
    {
        await ForgetTokenAsync();
        var before = await TokenStatsAsync();
        var first = TestIdentifiers.NewOpenId();
        var second = TestIdentifiers.NewOpenId();

        // Two clients with their own token caches and HTTP clients, this replica's copy of the token forgotten too: they meet
        // at Redis as two replicas would.
        var results = await Task.WhenAll(
            WeChatClient().SendAsync(first, "grade-yellow-wechat", _values, Api.Cancellation),
            WeChatClient().SendAsync(second, "grade-yellow-wechat", _values, Api.Cancellation));

        Assert.All(results, r => Assert.Equal(SendOutcome.Sent, r.Outcome));
        Assert.Equal(before.Requests + 1, (await TokenStatsAsync()).Requests);
        Assert.Single(await services.SimulatorMessagesAsync(first));
        Assert.Single(await services.SimulatorMessagesAsync(second));
        var cached = await services.Redis.StringGetAsync(TokenKey);
        Assert.False(cached.IsNullOrEmpty);
    }

    [Fact]
    public async Task A_replica_sends_with_its_own_copy_of_the_token_until_its_refresh_time()
    {
        await ForgetTokenAsync();
        Assert.Equal(SendOutcome.Sent, (await WeChatClient().SendAsync(TestIdentifiers.NewOpenId(), "grade-yellow-wechat", _values, Api.Cancellation)).Outcome);
        var before = await TokenStatsAsync();

        // Gone from Redis (expired there, say): this replica still holds a token its refresh time has not reached.
        await services.Redis.KeyDeleteAsync(TokenKey);
        var openId = TestIdentifiers.NewOpenId();
        var result = await WeChatClient().SendAsync(openId, "grade-yellow-wechat", _values, Api.Cancellation);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(before.Requests, (await TokenStatsAsync()).Requests);
        Assert.Single(await services.SimulatorMessagesAsync(openId));
    }

    [Theory]
    [InlineData(40001)]
    [InlineData(42001)]
    public async Task A_token_WeChat_refuses_is_refreshed_once_and_the_message_sent_once(int errcode)
    {
        var warmUp = await WeChatClient().SendAsync(TestIdentifiers.NewOpenId(), "grade-yellow-wechat", _values, Api.Cancellation);
        Assert.Equal(SendOutcome.Sent, warmUp.Outcome);
        var before = await TokenStatsAsync();
        await services.SimulatorAsync(HttpMethod.Post, "/simulator/wechat/tokens/invalidate", new { errcode });
        var openId = TestIdentifiers.NewOpenId();

        var result = await WeChatClient().SendAsync(openId, "grade-yellow-wechat", _values, Api.Cancellation);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var after = await TokenStatsAsync();
        Assert.Equal(before.Issued + 1, after.Issued);
        Assert.Equal(before.Requests + 1, after.Requests);
        var message = Assert.Single(await services.SimulatorMessagesAsync(openId));
        Assert.Equal("黄色", message.GetProperty("parameters").GetProperty("colour").GetString());
    }

    [Theory]
    [InlineData(false, 43004, "用户未关注公众号")]
    [InlineData(true, 40003, "用户标识（openid）无效")]
    public async Task A_follower_who_unsubscribed_or_an_invalid_openid_fails_permanently(bool malformed, int errcode, string meaning)
    {
        var openId = malformed ? "not-an-openid" : TestIdentifiers.NewOpenId();
        if (!malformed)
        {
            await services.SimulatorAsync(HttpMethod.Put, "/simulator/wechat/subscriptions", new { openId, subscribed = false });
        }

        var result = await WeChatClient().SendAsync(openId, "grade-yellow-wechat", _values, Api.Cancellation);

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.StartsWith($"{meaning}（微信错误码 {errcode.ToString(CultureInfo.InvariantCulture)}", result.Error, StringComparison.Ordinal);
        Assert.Empty(await services.SimulatorMessagesAsync(openId));
    }

    [Fact]
    public async Task A_throttled_WeChat_call_is_retried_later()
    {
        var openId = TestIdentifiers.NewOpenId();
        await services.SimulatorAsync(HttpMethod.Post, "/simulator/faults", new { channel = "wechat", code = "45009", count = 1, to = openId });

        var result = await WeChatClient().SendAsync(openId, "grade-yellow-wechat", _values, Api.Cancellation);

        Assert.Equal(SendOutcome.RetryLater, result.Outcome);
        Assert.Empty(await services.SimulatorMessagesAsync(openId));
    }

    private static string TokenKey => $"notifications:wechat:access-token:{ServicesFixture.WeChatAppId}";

    private AliyunSmsClient SmsClient() => services.Notifications.Services.GetRequiredService<AliyunSmsClient>();

    private WeChatClient WeChatClient() => services.Notifications.Services.GetRequiredService<WeChatClient>();

    private Task<bool> ForgetTokenAsync()
    {
        services.Notifications.Services.GetRequiredService<WeChatTokenCopy>().Token = null;
        return services.Redis.KeyDeleteAsync(TokenKey);
    }

    private async Task<(int Issued, int Requests)> TokenStatsAsync()
    {
        using var control = services.CreateSimulatorClient();
        var stats = await control.GetFromJsonAsync<JsonElement>("/simulator/stats", Api.Cancellation);
        return (stats.GetProperty("tokensIssued").GetInt32(), stats.GetProperty("tokenRequests").GetInt32());
    }

    private static async Task<(HttpStatusCode, string?)> PostFormAsync(HttpClient client, IDictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await client.PostAsync("/", content, Api.Cancellation);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Api.Cancellation);
        return (response.StatusCode, body.GetProperty("Code").GetString());
    }
}
