using System.Net;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;

namespace CreditPower.IntegrationTests.Applications.CapacityPool;

/// <summary>
/// Bad capacity input is refused with problem details naming the field and the reason, and the pool, its requests and
/// its ledger stay exactly as they were. Each test starts from a pool of 3 bays: one application holding 2, one waiting for 2.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class CapacityInputTests(ServicesFixture services) : IDisposable
{
    private readonly HttpClient _clerk = services.CreateClient(ResourceNames.Applications, Roles.Clerk);
    private readonly HttpClient _officer = services.CreateClient(ResourceNames.Applications, Roles.CreditOfficer);

    [Theory]
    [InlineData("zero", """{"poolId":"{pool}","applicationId":"{fresh}","amount":0}""", "amount")]
    [InlineData("negative", """{"poolId":"{pool}","applicationId":"{fresh}","amount":-2}""", "amount")]
    [InlineData("above the pool's total", """{"poolId":"{pool}","applicationId":"{fresh}","amount":4}""", "amount")]
    [InlineData("a fraction", """{"poolId":"{pool}","applicationId":"{fresh}","amount":1.5}""", "amount")]
    [InlineData("an unknown pool", """{"poolId":"{unknown}","applicationId":"{fresh}","amount":1}""", "poolId")]
    [InlineData("an unknown application", """{"poolId":"{pool}","applicationId":"{unknown}","amount":1}""", "applicationId")]
    [InlineData("a missing pool", """{"applicationId":"{fresh}","amount":1}""", "poolId")]
    [InlineData("an unknown field", """{"poolId":"{pool}","applicationId":"{fresh}","amount":1,"priority":1}""", "priority")]
    public async Task A_bad_capacity_request_answers_400_naming_the_field_and_changes_nothing(string why, string body, string field)
    {
        var (pool, _, _) = await ArrangeAsync();
        var (fresh, _) = await services.SubmitApplicationAsync("淮阴区错误输入测试有限公司");
        var before = Snapshot(await services.ReadPoolStateAsync(pool));

        using var response = await _clerk.PostAsync("/api/capacity/requests", Api.RawJson(body
            .Replace("{pool}", pool.ToString(), StringComparison.Ordinal)
            .Replace("{fresh}", fresh.ToString(), StringComparison.Ordinal)
            .Replace("{unknown}", Guid.NewGuid().ToString(), StringComparison.Ordinal)), Api.Cancellation);

        await Api.AssertBadInputAsync(response, field, why);
        Assert.Equal(before, Snapshot(await services.ReadPoolStateAsync(pool)));
    }

    [Fact]
    public async Task A_request_above_the_total_says_how_much_the_pool_has()
    {
        var (pool, _, _) = await ArrangeAsync();
        var (fresh, _) = await services.SubmitApplicationAsync("淮阴区超额申请有限公司");

        var reasons = await Api.AssertFieldErrorAsync(await _clerk.RequestCapacityAsync(pool, fresh, 9), "amount");

        Assert.Contains(reasons, r => r.Contains("总容量 3 个间隔", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_closed_application_cannot_ask_for_capacity()
    {
        var (pool, _, _) = await ArrangeAsync();
        var (closed, _) = await services.SubmitApplicationAsync("淮阴区已办结有限公司");
        await services.Applications.QueryAsync(async db =>
        {
            var application = await db.Set<CreditPower.Applications.Domain.ConnectionApplication>().FindAsync([closed], Api.Cancellation);
            application!.Stage = CreditPower.Applications.Domain.ApplicationStage.Completed;
            return await db.SaveChangesAsync(Api.Cancellation);
        });
        var before = Snapshot(await services.ReadPoolStateAsync(pool));

        var reasons = await Api.AssertFieldErrorAsync(await _clerk.RequestCapacityAsync(pool, closed, 1), "applicationId");

        Assert.Contains(reasons, r => r.Contains("已办结", StringComparison.Ordinal));
        Assert.Equal(before, Snapshot(await services.ReadPoolStateAsync(pool)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_second_open_request_of_the_same_application_for_the_same_pool_answers_409_naming_the_application(bool holding)
    {
        var (pool, holder, waiter) = await ArrangeAsync();
        var before = Snapshot(await services.ReadPoolStateAsync(pool));

        using var response = await _clerk.RequestCapacityAsync(pool, holding ? holder : waiter, 1);

        var (_, reasons) = await Api.AssertFieldProblemAsync(response, HttpStatusCode.Conflict, "applicationId");
        Assert.Contains("不能重复申请", Assert.Single(reasons), StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(await services.ReadPoolStateAsync(pool)));
    }

    [Theory]
    [InlineData("more than it holds", 3, "申请撤回", "amount")]
    [InlineData("zero", 0, "申请撤回", "amount")]
    [InlineData("negative", -1, "申请撤回", "amount")]
    [InlineData("no reason", 1, " ", "reason")]
    public async Task A_bad_release_answers_400_naming_the_field_and_changes_nothing(string why, int amount, string reason, string field)
    {
        var (pool, holder, _) = await ArrangeAsync();
        var state = await services.ReadPoolStateAsync(pool);
        var before = Snapshot(state);
        var held = state.Requests.Single(r => r.ApplicationId == holder);

        using var response = await _officer.PostAsync($"/api/capacity/requests/{held.Id}/release",
            Api.RawJson($$"""{"amount":{{amount}},"reason":"{{reason}}"}"""), Api.Cancellation);

        await Api.AssertBadInputAsync(response, field, why);
        Assert.Equal(before, Snapshot(await services.ReadPoolStateAsync(pool)));
    }

    [Fact]
    public async Task Releasing_from_a_waiting_request_says_it_holds_nothing()
    {
        var (pool, _, waiter) = await ArrangeAsync();
        var state = await services.ReadPoolStateAsync(pool);
        var waiting = state.Requests.Single(r => r.ApplicationId == waiter);

        using var response = await _officer.PostAsync($"/api/capacity/requests/{waiting.Id}/release",
            Api.RawJson("""{"amount":1,"reason":"误操作"}"""), Api.Cancellation);

        var reasons = await Api.AssertFieldErrorAsync(response, "amount");
        Assert.Contains(reasons, r => r.Contains("未占用容量", StringComparison.Ordinal));
        Assert.Equal(Snapshot(state), Snapshot(await services.ReadPoolStateAsync(pool)));
    }

    [Theory]
    [InlineData("zero", """{"amount":0,"reason":"新间隔投运"}""", "amount")]
    [InlineData("above the limit", """{"amount":100000000,"reason":"新间隔投运"}""", "amount")]
    [InlineData("no reason", """{"amount":1,"reason":""}""", "reason")]
    [InlineData("a missing amount", """{"reason":"新间隔投运"}""", "amount")]
    public async Task A_bad_addition_answers_400_naming_the_field_and_changes_nothing(string why, string body, string field)
    {
        var (pool, _, _) = await ArrangeAsync();
        var before = Snapshot(await services.ReadPoolStateAsync(pool));

        using var response = await _officer.PostAsync($"/api/capacity/pools/{pool}/additions", Api.RawJson(body), Api.Cancellation);

        await Api.AssertBadInputAsync(response, field, why);
        Assert.Equal(before, Snapshot(await services.ReadPoolStateAsync(pool)));
    }

    [Fact]
    public async Task Unknown_pools_and_requests_answer_404_problem_details()
    {
        var unknown = Guid.NewGuid();

        await Api.AssertProblemAsync(await _officer.PostAsync($"/api/capacity/pools/{unknown}/additions",
            Api.RawJson("""{"amount":1,"reason":"新间隔投运"}"""), Api.Cancellation), HttpStatusCode.NotFound);
        await Api.AssertProblemAsync(await _officer.PostAsync($"/api/capacity/requests/{unknown}/release",
            Api.RawJson("""{"amount":1,"reason":"申请撤回"}"""), Api.Cancellation), HttpStatusCode.NotFound);
        await Api.AssertProblemAsync(await _clerk.GetAsync($"/api/capacity/pools/{unknown}", Api.Cancellation), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("an unknown kind", """{"name":"{name}","kind":"transformer","total":2}""", "kind")]
    [InlineData("a negative total", """{"name":"{name}","kind":"substationBay","total":-1}""", "total")]
    [InlineData("a blank name", """{"name":"  ","kind":"substationBay","total":2}""", "name")]
    public async Task A_bad_pool_answers_400_naming_the_field_and_creates_nothing(string why, string body, string field)
    {
        using var supervisor = services.CreateClient(ResourceNames.Applications, Roles.Supervisor);
        var name = $"错误输入-{Guid.NewGuid():N}"[..16];

        using var response = await supervisor.PostAsync("/api/capacity/pools", Api.RawJson(body.Replace("{name}", name, StringComparison.Ordinal)), Api.Cancellation);

        await Api.AssertBadInputAsync(response, field, why);
        var pools = await supervisor.GetJsonAsync("/api/capacity/pools");
        Assert.DoesNotContain(pools.EnumerateArray(), p => p.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task A_second_pool_with_the_same_name_answers_409_naming_the_name()
    {
        using var supervisor = services.CreateClient(ResourceNames.Applications, Roles.Supervisor);
        var name = $"重名测试-{Guid.NewGuid():N}"[..16];
        await supervisor.PostJsonAsync("/api/capacity/pools", new { name, kind = "substationBay", total = 2 }, HttpStatusCode.Created);

        using var response = await supervisor.PostAsync("/api/capacity/pools",
            Api.RawJson($$"""{"name":"{{name}}","kind":"lineCapacity","total":500}"""), Api.Cancellation);

        await Api.AssertFieldProblemAsync(response, HttpStatusCode.Conflict, "name");
        var pools = await supervisor.GetJsonAsync("/api/capacity/pools");
        Assert.Single(pools.EnumerateArray(), p => p.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task Only_staff_with_the_right_role_move_capacity()
    {
        var (pool, holder, _) = await ArrangeAsync();
        var state = await services.ReadPoolStateAsync(pool);
        var before = Snapshot(state);
        var held = state.Requests.Single(r => r.ApplicationId == holder);
        using var inspector = services.CreateClient(ResourceNames.Applications, Roles.Inspector);
        using var anonymous = services.CreateClientWithToken(ResourceNames.Applications, null);
        var (fresh, _) = await services.SubmitApplicationAsync("淮阴区越权测试有限公司");

        Assert.Equal(HttpStatusCode.Forbidden, (await _clerk.PostAsync($"/api/capacity/pools/{pool}/additions",
            Api.RawJson("""{"amount":1,"reason":"越权"}"""), Api.Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _clerk.PostAsync($"/api/capacity/requests/{held.Id}/release",
            Api.RawJson("""{"amount":1,"reason":"越权"}"""), Api.Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.RequestCapacityAsync(pool, fresh, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _officer.PostAsync("/api/capacity/pools",
            Api.RawJson("""{"name":"越权登记","kind":"substationBay","total":1}"""), Api.Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.RequestCapacityAsync(pool, fresh, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await anonymous.GetStatusAsync($"/api/capacity/pools/{pool}"));
        Assert.Equal(before, Snapshot(await services.ReadPoolStateAsync(pool)));
    }

    public void Dispose()
    {
        _clerk.Dispose();
        _officer.Dispose();
    }

    private async Task<(Guid Pool, Guid Holder, Guid Waiter)> ArrangeAsync()
    {
        var pool = await services.CreatePoolAsync(total: 3);
        var (holder, _) = await services.SubmitApplicationAsync("淮阴区占用两间隔有限公司");
        var (waiter, _) = await services.SubmitApplicationAsync("淮阴区等候两间隔有限公司");
        Assert.Equal("allocated", (await _clerk.RequestCapacityOkAsync(pool, holder, 2)).GetProperty("status").GetString());
        Assert.Equal("waiting", (await _clerk.RequestCapacityOkAsync(pool, waiter, 2)).GetProperty("status").GetString());
        return (pool, holder, waiter);
    }

    /// <summary>Everything a bad request could have changed, as one comparable string.</summary>
    private static string Snapshot(PoolState state) =>
        $"{state.Pool.Total}/{state.Pool.Allocated}; "
        + string.Join(", ", state.Requests.OrderBy(r => r.Id).Select(r => $"{r.ApplicationId}:{r.Status}:{r.Held}"))
        + $"; ledger {state.Ledger.Count}";
}
