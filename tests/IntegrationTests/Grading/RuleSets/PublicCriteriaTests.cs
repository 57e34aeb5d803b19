using System.Net;
using System.Text.Json;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;

namespace CreditPower.IntegrationTests.Grading.RuleSets;

/// <summary>The public criteria page's data is open to anyone and generated from the active rule set.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class PublicCriteriaTests(ServicesFixture services)
{
    [Fact]
    public async Task The_criteria_are_served_without_a_token_from_the_active_version_and_follow_an_activation()
    {
        using var anonymous = services.CreateClientWithToken(ResourceNames.Grading, bearerToken: null);
        var before = await anonymous.GetJsonAsync("/api/public/criteria");
        Assert.Equal(await services.ActiveVersionAsync(), before.GetProperty("version").GetString());
        var late = Assert.Single(before.GetProperty("criteria").EnumerateArray(), c => c.GetProperty("code").GetString() == "late-payment-16-30");
        Assert.Equal(("电费逾期 16–30 天缴清", -4, "1 年"), (late.GetProperty("name").GetString(), late.GetProperty("points").GetInt32(), late.GetProperty("period").GetString()));
        var theft = Assert.Single(before.GetProperty("vetoes").EnumerateArray(), v => v.GetProperty("code").GetString() == "electricity-theft");
        Assert.Equal("2 年", theft.GetProperty("lockPeriod").GetString());
        var colours = before.GetProperty("colours").EnumerateArray().ToList();
        Assert.Equal(["green", "blue", "yellow", "red", "black"], colours.Select(c => c.GetProperty("colour").GetString()));
        Assert.Equal((75, 89), (colours[1].GetProperty("minScore").GetInt32(), colours[1].GetProperty("maxScore").GetInt32()));
        Assert.Contains(colours[0].GetProperty("measures").EnumerateArray(), m => m.GetString()!.Contains("绿色通道", StringComparison.Ordinal));

        var activated = await services.DraftApproveAndActivateAsync();

        var after = await anonymous.GetJsonAsync("/api/public/criteria");
        Assert.Equal(activated, after.GetProperty("version").GetString());
        Assert.StartsWith("集成测试规则版本", after.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("activatedAt").ValueKind);
    }

    [Fact]
    public async Task The_criteria_are_cacheable_and_revalidate_by_etag()
    {
        using var anonymous = services.CreateClientWithToken(ResourceNames.Grading, bearerToken: null);
        using var first = await anonymous.GetAsync("/api/public/criteria", Api.Cancellation);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.CacheControl?.Public, $"Cache-Control: {first.Headers.CacheControl}");
        Assert.NotNull(first.Headers.CacheControl?.MaxAge);
        var etag = first.Headers.ETag ?? throw new Xunit.Sdk.XunitException("No ETag on the public criteria.");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/public/criteria");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await anonymous.SendAsync(request, Api.Cancellation);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(Api.Cancellation));
    }

    [Fact]
    public async Task The_rest_of_grading_stays_closed_to_anonymous_callers()
    {
        using var anonymous = services.CreateClientWithToken(ResourceNames.Grading, bearerToken: null);

        Assert.Equal(HttpStatusCode.Unauthorized, await anonymous.GetStatusAsync("/api/rule-sets"));
        Assert.Equal(HttpStatusCode.Unauthorized, await anonymous.GetStatusAsync($"/api/subjects/{Guid.NewGuid()}/explanation"));
        Assert.Equal(HttpStatusCode.Unauthorized, await anonymous.GetStatusAsync($"/api/subjects/{Guid.NewGuid()}/grade-as-of?at=2026-05-01T00:00:00Z"));
    }
}
