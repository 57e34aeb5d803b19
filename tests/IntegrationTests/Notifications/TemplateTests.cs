using System.Net;
using System.Net.Http.Json;
using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;

namespace CreditPower.IntegrationTests.Notifications;

/// <summary>Every notice text comes from a versioned Chinese template; an edit is a new version, and bad placeholders are refused.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class TemplateTests(ServicesFixture services)
{
    // This test class owns the value-added order templates: no other test asserts their wording.
    private const string Code = "service-order-wechat";

    [Fact]
    public async Task Every_template_is_listed_with_its_placeholders_and_a_current_version()
    {
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);

        var templates = await clerk.GetJsonAsync("/api/templates");
        var codes = templates.EnumerateArray().Select(t => t.GetProperty("code").GetString()).ToList();
        foreach (var expected in new[] { "grade-yellow-sms", "grade-yellow-wechat", "call-script-yellow", "grade-warning-letter", "letter-facts",
            "letter-objection", "application-submitted-sms", "application-stage-wechat", "service-order-sms" })
        {
            Assert.Contains(expected, codes);
        }

        var yellow = templates.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "grade-yellow-sms");
        Assert.Equal("sms", yellow.GetProperty("channel").GetString());
        Assert.Contains("name", yellow.GetProperty("placeholders").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("{name}", yellow.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.All(templates.EnumerateArray(), t => Assert.True(t.GetProperty("version").GetInt32() >= 1));
    }

    [Fact]
    public async Task An_edit_is_a_new_version_the_old_one_is_kept_and_the_next_notice_uses_and_names_it()
    {
        using var officer = services.CreateClientAs(ResourceNames.Notifications, "officer-wang", Roles.CreditOfficer);
        var before = await VersionsAsync(officer);
        var current = before[0].GetProperty("version").GetInt32();

        var body = $"您的“{{service}}”服务订单已更新为：{{status}}（{{changedDate}}），第 {current + 1} 版。";
        using var response = await officer.PutAsJsonAsync($"/api/templates/{Code}", new { body, note = "补充日期", basedOnVersion = current }, Api.Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = await response.ReadJsonAsync();
        Assert.Equal((current + 1, "officer-wang"), (saved.GetProperty("version").GetInt32(), saved.GetProperty("createdBy").GetString()));

        var after = await VersionsAsync(officer);
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Equal(body, after[0].GetProperty("body").GetString());
        Assert.Equal("补充日期", after[0].GetProperty("note").GetString());
        Assert.Equal(before[0].GetProperty("body").GetString(), after[1].GetProperty("body").GetString());

        // The next order notice is rendered from the new version, and its contact log entry says which.
        var subjectId = Guid.NewGuid();
        var id = await services.PublishOnBusAsync(new ServiceOrderChanged
        {
            OrderId = Guid.NewGuid(),
            SubjectId = subjectId,
            ServiceCode = "equipment-maintenance",
            ServiceName = "设备代维",
            Status = "accepted",
            StatusName = "已受理",
            ChangedAt = new DateTimeOffset(2026, 5, 6, 10, 0, 0, TimeSpan.FromHours(8)),
        });
        await services.ConsumedAsync(id);
        var wechat = (await services.ContactLogAsync(subjectId)).EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "weChat");
        Assert.Equal(current + 1, wechat.GetProperty("templateVersion").GetInt32());
        Assert.Equal($"您的“设备代维”服务订单已更新为：已受理（2026年5月6日），第 {current + 1} 版。", wechat.GetProperty("content").GetString());
    }

    [Theory]
    [InlineData("您的{service}订单已由{engineer}处理。", "{engineer}")]
    [InlineData("您的{service}订单状态：{status", "花括号")]
    [InlineData("   ", "不能为空")]
    public async Task A_bad_body_is_refused_naming_the_field_and_the_reason_and_nothing_changes(string body, string reason)
    {
        using var officer = services.CreateClient(ResourceNames.Notifications, Roles.CreditOfficer);
        var before = await VersionsAsync(officer);

        using var response = await officer.PutAsJsonAsync(
            $"/api/templates/{Code}", new { body, basedOnVersion = before[0].GetProperty("version").GetInt32() }, Api.Cancellation);

        var messages = await Api.AssertFieldErrorAsync(response, "body");
        Assert.Contains(messages, m => m.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(before.Count, (await VersionsAsync(officer)).Count);
    }

    [Fact]
    public async Task An_edit_based_on_an_old_version_is_a_conflict()
    {
        using var officer = services.CreateClient(ResourceNames.Notifications, Roles.CreditOfficer);
        var current = (await VersionsAsync(officer))[0].GetProperty("version").GetInt32();

        using var stale = await officer.PutAsJsonAsync($"/api/templates/{Code}", new { body = "您的“{service}”订单：{status}。", basedOnVersion = current - 1 }, Api.Cancellation);

        await Api.AssertProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal(current, (await VersionsAsync(officer))[0].GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Only_officers_and_admins_edit_and_unknown_templates_are_not_found()
    {
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);
        using var admin = services.CreateClient(ResourceNames.Notifications, Roles.Admin);

        using var forbidden = await clerk.PutAsJsonAsync($"/api/templates/{Code}", new { body = "{service}", basedOnVersion = 1 }, Api.Cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var unknown = await admin.PutAsJsonAsync("/api/templates/no-such-template", new { body = "文本", basedOnVersion = 1 }, Api.Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await admin.GetStatusAsync("/api/templates/no-such-template/versions"));
    }

    private static async Task<List<System.Text.Json.JsonElement>> VersionsAsync(HttpClient client) =>
        [.. (await client.GetJsonAsync($"/api/templates/{Code}/versions")).EnumerateArray()];
}
