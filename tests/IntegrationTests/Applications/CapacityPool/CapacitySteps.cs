using System.Net;
using System.Text.Json;
using CreditPower.Applications.Domain;
using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.IntegrationTests.Applications.CapacityPool;

/// <summary>The steps the capacity pool tests share: a pool of their own, applications, requests, and the pool read back.</summary>
internal static class CapacitySteps
{
    public static async Task<Guid> CreatePoolAsync(this ServicesFixture services, int total, string kind = "substationBay")
    {
        using var supervisor = services.CreateClientAs(ResourceNames.Applications, "supervisor", Roles.Supervisor);
        var pool = await supervisor.PostJsonAsync("/api/capacity/pools", new
        {
            name = $"测试公用容量-{Guid.NewGuid():N}"[..20],
            kind,
            total,
        }, HttpStatusCode.Created);
        return pool.GetProperty("id").GetGuid();
    }

    /// <summary>Takes an application for a fresh subject; when <paramref name="honest"/>, the subject is graded blue first, over the bus.</summary>
    public static async Task<(Guid Id, string Uscc)> SubmitApplicationAsync(this ServicesFixture services, string name, bool honest = false)
    {
        var uscc = TestIdentifiers.NewUscc();
        if (honest)
        {
            await services.PublishGradeAsync(uscc, CreditColour.Blue);
        }

        using var clerk = services.CreateClient(ResourceNames.Applications, Roles.Clerk);
        var application = await clerk.PostJsonAsync("/api/applications", ApplicationSteps.PropertyProofBody(uscc, name), HttpStatusCode.Created);
        Assert.Equal(honest, application.GetProperty("greenChannel").GetBoolean());
        return (application.GetProperty("id").GetGuid(), uscc);
    }

    public static Task<HttpResponseMessage> RequestCapacityAsync(this HttpClient client, Guid poolId, Guid applicationId, int amount) =>
        client.PostAsync("/api/capacity/requests",
            Api.RawJson($$"""{"poolId":"{{poolId}}","applicationId":"{{applicationId}}","amount":{{amount}}}"""), Api.Cancellation);

    /// <summary>Requests capacity and returns the request (its id, status and place in line).</summary>
    public static Task<JsonElement> RequestCapacityOkAsync(this HttpClient client, Guid poolId, Guid applicationId, int amount) =>
        client.PostJsonAsync("/api/capacity/requests", new { poolId, applicationId, amount }, HttpStatusCode.Created);

    public static async Task<JsonElement> ReleaseAsync(this HttpClient officer, Guid requestId, int amount, string reason = "申请撤回，释放容量") =>
        await officer.PostJsonAsync($"/api/capacity/requests/{requestId}/release", new { amount, reason }, HttpStatusCode.OK);

    /// <summary>The application ids of the pool's waiting requests, in the order they would be offered now.</summary>
    public static List<Guid> WaitingOrder(JsonElement pool) =>
        [.. pool.GetProperty("waiting").EnumerateArray().Select(w => w.GetProperty("applicationId").GetGuid())];

    public static List<Guid> Holders(JsonElement pool) =>
        [.. pool.GetProperty("holding").EnumerateArray().Select(w => w.GetProperty("applicationId").GetGuid())];

    /// <summary>The pool's row, requests and ledger straight from its database, to check the API against.</summary>
    public static async Task<PoolState> ReadPoolStateAsync(this ServicesFixture services, Guid poolId) =>
        await services.Applications.QueryAsync(async db => new PoolState(
            await db.Set<PublicCapacityPool>().AsNoTracking().SingleAsync(p => p.Id == poolId, Api.Cancellation),
            await db.Set<CapacityRequest>().AsNoTracking().Where(r => r.PoolId == poolId).ToListAsync(Api.Cancellation),
            await db.Set<CapacityLedgerEntry>().AsNoTracking().Where(e => e.PoolId == poolId).OrderBy(e => e.Id).ToListAsync(Api.Cancellation)));
}
