using CreditPower.Applications.Domain;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CreditPower.IntegrationTests.Applications.CapacityPool;

/// <summary>Never over-allocated, also when many clerks ask for the last of a pool at the same moment.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class CapacityConcurrencyTests(ServicesFixture services)
{
    private const int Requests = 20;

    [Fact]
    public async Task Twenty_parallel_requests_for_one_bay_each_get_exactly_the_five_bays_there_are()
    {
        var pool = await services.CreatePoolAsync(total: 5);
        var applications = await SubmitManyAsync(Requests);

        var answers = await RequestAllAtOnceAsync(pool, applications, _ => 1);

        Assert.Equal(5, answers.Count(a => a == "allocated"));
        Assert.Equal(Requests - 5, answers.Count(a => a == "waiting"));
        var state = await services.ReadPoolStateAsync(pool);
        state.AssertConsistent();
        Assert.Equal(5, state.Pool.Allocated);
        Assert.Equal(5, state.Ledger.Count(e => e.Kind == CapacityLedgerKind.Allocated));
    }

    [Fact]
    public async Task Twenty_parallel_requests_of_mixed_sizes_never_sum_above_the_pool_and_leave_nothing_that_fits_waiting()
    {
        const int total = 1000;
        var pool = await services.CreatePoolAsync(total: total, kind: "lineCapacity");
        var applications = await SubmitManyAsync(Requests);
        var sizes = new[] { 80, 125, 160, 200, 250, 315 };

        var answers = await RequestAllAtOnceAsync(pool, applications, i => sizes[i % sizes.Length]);

        Assert.All(answers, a => Assert.True(a is "allocated" or "waiting", a));
        var state = await services.ReadPoolStateAsync(pool);
        state.AssertConsistent();
        var allocated = state.Requests.Where(r => r.Status == CapacityRequestStatus.Allocated).Sum(r => r.Amount);
        Assert.InRange(allocated, 1, total);
        // First fit: whatever still waits did not fit what was left.
        Assert.All(state.Requests.Where(r => r.Status == CapacityRequestStatus.Waiting),
            r => Assert.True(r.Amount > state.Pool.Free, $"{r.Amount} kVA waits with {state.Pool.Free} kVA free."));

        // Releases racing with more requests: still never above the total, and the books still agree.
        using var officer = services.CreateClientAs(ResourceNames.Applications, "officer-race", Roles.CreditOfficer);
        var holders = state.Requests.Where(r => r.Status == CapacityRequestStatus.Allocated).Take(3).ToList();
        var more = await SubmitManyAsync(6);
        var releases = holders.Select(h => officer.ReleaseAsync(h.Id, h.Amount, "并发释放测试"));
        var requests = more.Select((application, i) => RequestOneAsync(pool, application, sizes[i]));
        await Task.WhenAll(releases.Concat(requests));
        var after = await services.ReadPoolStateAsync(pool);
        after.AssertConsistent();
        Assert.All(after.Requests.Where(r => r.Status == CapacityRequestStatus.Waiting),
            r => Assert.True(r.Amount > after.Pool.Free, $"{r.Amount} kVA waits with {after.Pool.Free} kVA free."));
    }

    [Fact]
    public async Task The_database_itself_refuses_an_allocation_above_the_total()
    {
        var pool = await services.CreatePoolAsync(total: 2);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => services.Applications.QueryAsync(db =>
            db.Database.ExecuteSqlAsync($"""UPDATE capacity_pools SET "Allocated" = "Total" + 1 WHERE "Id" = {pool}""", Api.Cancellation)));

        Assert.Equal(PostgresErrorCodes.CheckViolation, refused.SqlState);
        Assert.Equal("ck_capacity_pools_allocated_within_total", refused.ConstraintName);
        var state = await services.ReadPoolStateAsync(pool);
        Assert.Equal(0, state.Pool.Allocated);
    }

    private async Task<List<Guid>> SubmitManyAsync(int count)
    {
        var applications = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            applications.Add((await services.SubmitApplicationAsync($"淮阴区并发申请{i + 1}号有限公司")).Id);
        }

        return applications;
    }

    /// <summary>Every request on its own client and connection, released together so they hit the pool at once.</summary>
    private async Task<string[]> RequestAllAtOnceAsync(Guid pool, List<Guid> applications, Func<int, int> amount)
    {
        using var start = new SemaphoreSlim(0);
        var calls = applications.Select(async (application, i) =>
        {
            await start.WaitAsync(Api.Cancellation);
            return await RequestOneAsync(pool, application, amount(i));
        }).ToList();
        start.Release(applications.Count);
        var answers = await Task.WhenAll(calls);
        return [.. answers.Select(a => a.GetProperty("status").GetString() ?? "")];
    }

    private async Task<System.Text.Json.JsonElement> RequestOneAsync(Guid pool, Guid application, int amount)
    {
        using var clerk = services.CreateClient(ResourceNames.Applications, Roles.Clerk);
        return await clerk.RequestCapacityOkAsync(pool, application, amount);
    }
}
