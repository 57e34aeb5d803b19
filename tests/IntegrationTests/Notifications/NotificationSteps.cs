using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CreditPower.IntegrationTests.Notifications;

/// <summary>What the notification tests share: a subject Notifications knows, a WeChat follower, a grade change on the real bus, and the simulator's view.</summary>
internal static class NotificationSteps
{
    /// <summary>Tells Notifications the subject's contacts as Grading would (SubjectProfileChanged) and waits until it has them.</summary>
    public static async Task FeedContactAsync(
        this ServicesFixture services, Guid subjectId, string name, string? mobile, DateTimeOffset? changedAt = null, string? identifier = null,
        SubjectKind kind = SubjectKind.LegalEntity)
    {
        var messageId = await services.PublishOnBusAsync(new SubjectProfileChanged
        {
            SubjectId = subjectId,
            SubjectKind = kind,
            Identifier = identifier ?? TestIdentifiers.NewUscc(),
            Name = name,
            LegalRepresentative = null,
            Mobile = mobile,
            Address = null,
            Accounts = [TestIdentifiers.NewAccountNumber()],
            ChangedAt = changedAt ?? DateTimeOffset.UtcNow,
        });
        await services.ConsumedAsync(messageId);
    }

    /// <summary>A subject Notifications knows, with a fresh mobile and a WeChat binding.</summary>
    public static async Task<(Guid SubjectId, string Mobile, string OpenId)> CustomerAsync(this ServicesFixture services, string name)
    {
        var subjectId = Guid.NewGuid();
        var mobile = TestIdentifiers.NewMobile();
        await services.FeedContactAsync(subjectId, name, mobile);
        return (subjectId, mobile, await services.BindWeChatAsync(subjectId));
    }

    public static async Task<string> BindWeChatAsync(this ServicesFixture services, Guid subjectId)
    {
        var openId = TestIdentifiers.NewOpenId();
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);
        await clerk.PutJsonAsync($"/api/subjects/{subjectId}/wechat-binding",
            new { openId, consentedAt = DateTimeOffset.UtcNow.AddMinutes(-1) }, HttpStatusCode.OK);
        return openId;
    }

    public static CreditGradeChanged GradeChange(Guid subjectId, string name, CreditColour? from, CreditColour to, int score) =>
        GradeChange(subjectId, name, from, to, score,
            to == CreditColour.Yellow ? [new GradeReason("late-payment-over-30", -8, "电费逾期超过 30 天（经催缴）")] : []);

    /// <summary>Publishes <paramref name="change"/> (with <paramref name="messageId"/>, new when null) and waits until Notifications took it.</summary>
    public static async Task PublishAsync(this ServicesFixture services, CreditGradeChanged change, Guid? messageId = null, int expectedDeliveries = 1)
    {
        var id = await services.PublishOnBusAsync(change, messageId);
        await services.ConsumedAsync(id, expectedDeliveries);
    }

    /// <summary>The subject's contact log once <paramref name="condition"/> holds for it.</summary>
    public static async Task<JsonElement> ContactLogWhenAsync(this ServicesFixture services, Guid subjectId, Func<JsonElement, bool> condition, string what,
        TimeSpan? timeout = null)
    {
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);
        return await Eventually.GetAsync(() => clerk.GetJsonOrNullAsync($"/api/subjects/{subjectId}/contact-log"), condition, what, timeout);
    }

    /// <summary>The entries the dispatcher sends (SMS and WeChat); call tasks and letters are staff work.</summary>
    public static IEnumerable<JsonElement> Dispatched(this JsonElement log) =>
        log.EnumerateArray().Where(e => e.GetProperty("channel").GetString() is "sms" or "weChat");

    public static JsonElement Entry(this JsonElement log, string channel) =>
        log.EnumerateArray().Single(e => e.GetProperty("channel").GetString() == channel);

    public static string? Status(this JsonElement log, string channel) =>
        log.EnumerateArray().Where(e => e.GetProperty("channel").GetString() == channel).Select(e => e.GetProperty("status").GetString()).SingleOrDefault();

    /// <summary>What the simulator received for <paramref name="to"/> (a mobile or an openid).</summary>
    public static async Task<JsonElement[]> SimulatorMessagesAsync(this ServicesFixture services, string to)
    {
        using var control = services.CreateSimulatorClient();
        var messages = await control.GetFromJsonAsync<JsonElement[]>($"/simulator/messages?to={Uri.EscapeDataString(to)}", Api.Cancellation);
        return messages!;
    }

    public static async Task SimulatorAsync(this ServicesFixture services, HttpMethod method, string path, object body)
    {
        using var control = services.CreateSimulatorClient();
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        using var response = await control.SendAsync(request, Api.Cancellation);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Api.Cancellation)}");
    }

    public const string RuleVersion = "2021-huaiyin-default";

    /// <summary>Publishes <paramref name="message"/> as another service would; returns its MessageId.</summary>
    public static async Task<Guid> PublishOnBusAsync<T>(this ServicesFixture services, T message, Guid? messageId = null) where T : class
    {
        var id = messageId ?? NewId.NextGuid();
        await services.Grading.Services.GetRequiredService<IBus>().Publish(message, c => c.MessageId = id, Api.Cancellation);
        return id;
    }

    /// <summary>Waits until Notifications has finished with <paramref name="messageId"/> <paramref name="times"/> times (duplicates included).</summary>
    public static Task ConsumedAsync(this ServicesFixture services, Guid messageId, int times = 1, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(() => services.Consumed.Completed(ResourceNames.Notifications, messageId) >= times,
            $"Notifications to have consumed {messageId} {times} time(s)", timeout);

    public static CreditGradeChanged GradeChange(
        Guid subjectId, string name, CreditColour? from, CreditColour to, int score, IReadOnlyList<GradeReason> reasons,
        DateTimeOffset? effectiveAt = null, SubjectKind kind = SubjectKind.LegalEntity, string? identifier = null) => new()
        {
            SubjectId = subjectId,
            SubjectKind = kind,
            Identifier = identifier ?? (kind == SubjectKind.LegalEntity ? TestIdentifiers.NewUscc() : TestIdentifiers.NewResidentId()),
            Name = name,
            Accounts = [TestIdentifiers.NewAccountNumber()],
            OldColour = from,
            NewColour = to,
            Score = score,
            Reasons = reasons,
            RuleVersion = RuleVersion,
            EffectiveAt = effectiveAt ?? DateTimeOffset.UtcNow,
        };

    public static async Task<JsonElement> ContactLogAsync(this ServicesFixture services, Guid subjectId)
    {
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);
        return await clerk.GetJsonAsync($"/api/subjects/{subjectId}/contact-log");
    }

    public static List<string?> Channels(JsonElement contactLog) =>
        [.. contactLog.EnumerateArray().Select(c => c.GetProperty("channel").GetString()).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The (channel, template code) of the grade notices in a contact log, in order: an application's own notices share
    /// the subject's log once Applications knows the subject, which depends on when its profile arrived.
    /// </summary>
    public static List<(string? Channel, string? Template)> GradeNotices(JsonElement contactLog) =>
        [.. contactLog.EnumerateArray()
            .Where(c => !c.GetProperty("templateCode").GetString()!.StartsWith("application-", StringComparison.Ordinal))
            .Select(c => (c.GetProperty("channel").GetString(), c.GetProperty("templateCode").GetString()))
            .Order()];

    public static async Task<JsonElement> SingleLetterAsync(this ServicesFixture services, Guid subjectId)
    {
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);
        var letters = await clerk.GetJsonAsync($"/api/letters?subjectId={subjectId}");
        Assert.Equal(1, letters.GetArrayLength());
        return letters[0];
    }

    public static async Task<JsonElement> SingleCallTaskAsync(this ServicesFixture services, Guid subjectId)
    {
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);
        var tasks = await clerk.GetJsonAsync($"/api/call-tasks?subjectId={subjectId}");
        Assert.Equal(1, tasks.GetArrayLength());
        return tasks[0];
    }
}
