using System.Net;
using System.Net.Http.Json;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;

namespace CreditPower.IntegrationTests;

/// <summary>
/// A bare status from a service (an unknown id, no token, a refused role, a route that does not exist) is problem
/// details titled in Chinese, not the framework's English reason phrase; a title the endpoint gives is kept.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class ProblemTitleTests(ServicesFixture services)
{
    /// <summary>One route of each service that every staff role may call.</summary>
    public static TheoryData<string, string> Routes => new()
    {
        { ResourceNames.Grading, $"/api/subjects/{Guid.NewGuid()}" },
        { ResourceNames.Applications, "/api/applications" },
        { ResourceNames.Notifications, "/api/call-tasks" },
        { ResourceNames.ValueAdded, $"/api/subjects/{Guid.NewGuid()}/eligibility" },
    };

    [Fact]
    public async Task A_subject_grading_does_not_know_answers_404_titled_in_chinese()
    {
        using var officer = services.CreateClient(ResourceNames.Grading, Roles.CreditOfficer);

        using var response = await officer.GetAsync($"/api/subjects/{Guid.NewGuid()}", Api.Cancellation);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("未找到相应记录", problem.GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Refusals_and_unknown_routes_are_titled_in_chinese(string service, string route)
    {
        using var anonymous = services.CreateClientWithToken(service, bearerToken: null);
        using var outsider = services.CreateClient(service, "customer");
        using var admin = services.CreateClient(service, Roles.Admin);

        using var unauthenticated = await anonymous.GetAsync(route, Api.Cancellation);
        using var forbidden = await outsider.GetAsync(route, Api.Cancellation);
        using var unknown = await admin.GetAsync("/api/no-such-route", Api.Cancellation);

        Assert.Equal("未登录或登录已过期", (await Api.AssertProblemAsync(unauthenticated, HttpStatusCode.Unauthorized)).GetProperty("title").GetString());
        Assert.Equal("无权访问", (await Api.AssertProblemAsync(forbidden, HttpStatusCode.Forbidden)).GetProperty("title").GetString());
        Assert.Equal("未找到相应记录", (await Api.AssertProblemAsync(unknown, HttpStatusCode.NotFound)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_title_the_endpoint_gives_is_kept()
    {
        var subjectId = await services.RegisterLegalEntityAsync();
        using var officer = services.CreateClient(ResourceNames.Grading, Roles.CreditOfficer);

        using var response = await officer.PostAsJsonAsync($"/api/subjects/{subjectId}/repairs", new { reason = "已整改" }, Api.Cancellation);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("暂不符合信用修复条件", problem.GetProperty("title").GetString());
    }
}
