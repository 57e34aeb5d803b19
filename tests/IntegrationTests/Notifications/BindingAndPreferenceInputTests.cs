using System.Net;
using System.Net.Http.Json;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;

namespace CreditPower.IntegrationTests.Notifications;

/// <summary>Bad input to the binding and preference APIs gets a problem naming the field and changes nothing.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class BindingAndPreferenceInputTests(ServicesFixture services)
{
    public static TheoryData<string, string, string> BadBindings => new()
    {
        { """{"openId":"short","consentedAt":"2026-01-01T00:00:00Z"}""", "openId", "not an openid" },
        { """{"consentedAt":"2026-01-01T00:00:00Z"}""", "openId", "missing openid" },
        { """{"openId":"oAbCdEfGhIjKlMnOpQrStUvWxYz1"}""", "consentedAt", "no consent time" },
        { """{"openId":"oAbCdEfGhIjKlMnOpQrStUvWxYz1","consentedAt":"2099-01-01T00:00:00Z"}""", "consentedAt", "consent in the future" },
        { """{"openId":"oAbCdEfGhIjKlMnOpQrStUvWxYz1","consentedAt":"2026-01-01T00:00:00Z","extra":1}""", "extra", "unknown field" },
        { """{"openId":""", "$", "malformed JSON" },
    };

    [Theory]
    [MemberData(nameof(BadBindings))]
    public async Task A_bad_binding_is_refused_naming_the_field_and_binds_nothing(string body, string field, string why)
    {
        var subjectId = Guid.NewGuid();
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);

        using var response = await clerk.PutAsync($"/api/subjects/{subjectId}/wechat-binding", Api.RawJson(body), Api.Cancellation);

        await Api.AssertBadInputAsync(response, field, why);
        Assert.Equal(HttpStatusCode.NotFound, await clerk.GetStatusAsync($"/api/subjects/{subjectId}/wechat-binding"));
    }

    [Fact]
    public async Task An_openid_bound_to_another_subject_is_a_conflict_naming_the_openid_and_the_first_binding_stays()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var openId = await services.BindWeChatAsync(first);
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);

        using var response = await clerk.PutAsJsonAsync($"/api/subjects/{second}/wechat-binding",
            new { openId, consentedAt = DateTimeOffset.UtcNow.AddMinutes(-1) }, Api.Cancellation);

        await AssertAlreadyBoundAsync(response);
        Assert.Equal(HttpStatusCode.NotFound, await clerk.GetStatusAsync($"/api/subjects/{second}/wechat-binding"));
        await AssertBoundToAsync(clerk, first, openId);
    }

    [Fact]
    public async Task Rebinding_a_subject_to_an_openid_another_subject_holds_is_a_conflict_and_both_bindings_stay()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var taken = await services.BindWeChatAsync(first);
        var own = await services.BindWeChatAsync(second);
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);

        using var response = await clerk.PutAsJsonAsync($"/api/subjects/{second}/wechat-binding",
            new { openId = taken, consentedAt = DateTimeOffset.UtcNow.AddMinutes(-1) }, Api.Cancellation);

        await AssertAlreadyBoundAsync(response);
        await AssertBoundToAsync(clerk, first, taken);
        await AssertBoundToAsync(clerk, second, own);
    }

    /// <summary>A 409 problem a form can show beside the openid field, in Chinese.</summary>
    private static async Task AssertAlreadyBoundAsync(HttpResponseMessage response)
    {
        var (problem, reasons) = await Api.AssertFieldProblemAsync(response, HttpStatusCode.Conflict, "openId", "该微信用户已绑定其他信用主体");
        Assert.Equal("该微信用户已绑定其他信用主体，请先解除原绑定。", problem.GetProperty("detail").GetString());
        Assert.Equal(["该微信用户已绑定其他信用主体，请先解除原绑定。"], reasons);
    }

    private static async Task AssertBoundToAsync(HttpClient clerk, Guid subjectId, string openId)
    {
        var binding = await clerk.GetJsonAsync($"/api/subjects/{subjectId}/wechat-binding");
        Assert.Equal(openId[..6] + "****" + openId[^2..], binding.GetProperty("openId").GetString());
    }

    [Fact]
    public async Task Unbinding_removes_the_binding_and_a_second_unbind_is_not_found()
    {
        var subjectId = Guid.NewGuid();
        await services.BindWeChatAsync(subjectId);
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);

        using var removed = await clerk.DeleteAsync($"/api/subjects/{subjectId}/wechat-binding", Api.Cancellation);
        using var again = await clerk.DeleteAsync($"/api/subjects/{subjectId}/wechat-binding", Api.Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await clerk.GetStatusAsync($"/api/subjects/{subjectId}/wechat-binding"));
    }

    [Theory]
    [InlineData("""{"weChatEnabled":true}""", "smsEnabled")]
    [InlineData("""{"smsEnabled":false}""", "weChatEnabled")]
    [InlineData("""{"smsEnabled":"no","weChatEnabled":true}""", "$")]
    public async Task A_preference_without_both_choices_is_refused_and_the_defaults_stay(string body, string field)
    {
        var subjectId = Guid.NewGuid();
        using var clerk = services.CreateClient(ResourceNames.Notifications, Roles.Clerk);

        using var response = await clerk.PutAsync($"/api/subjects/{subjectId}/channel-preferences", Api.RawJson(body), Api.Cancellation);

        await Api.AssertBadInputAsync(response, field, body);
        var preferences = await clerk.GetJsonAsync($"/api/subjects/{subjectId}/channel-preferences");
        Assert.True(preferences.GetProperty("smsEnabled").GetBoolean());
        Assert.True(preferences.GetProperty("weChatEnabled").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, preferences.GetProperty("updatedAt").ValueKind);
    }
}
