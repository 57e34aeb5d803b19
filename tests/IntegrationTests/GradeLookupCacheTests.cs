using CreditPower.Grading.Domain;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.IntegrationTests;

/// <summary>Grading's look-up is cache-aside in Redis, and a grade change drops the cached entries at once.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class GradeLookupCacheTests(ServicesFixture services)
{
    [Fact]
    public async Task A_repeated_lookup_is_served_from_redis_until_an_event_changes_the_grade()
    {
        using var clerk = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
        var uscc = TestIdentifiers.NewUscc();
        var account = TestIdentifiers.NewAccountNumber();
        var byIdentifier = $"/api/grades/lookup?identifier={uscc}";
        var byAccount = $"/api/grades/lookup?account={account}";
        var identifierKey = $"grading:grade:id:{uscc}";
        var accountKey = $"grading:grade:account:{account}";
        var subjectId = await services.RegisterLegalEntityAsync(uscc, "淮阴区缓存测试有限公司", account);
        Assert.False(await services.Redis.KeyExistsAsync(identifierKey));

        var first = await clerk.GetJsonAsync(byIdentifier);
        Assert.Equal(("blue", 100), (first.GetProperty("colour").GetString(), first.GetProperty("score").GetInt32()));
        Assert.True(await services.Redis.KeyExistsAsync(identifierKey));
        Assert.InRange((await services.Redis.KeyTimeToLiveAsync(identifierKey)).GetValueOrDefault(), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        await clerk.GetJsonAsync(byAccount);
        Assert.True(await services.Redis.KeyExistsAsync(accountKey));

        // Rename the subject behind the service's back: only an answer from Redis still shows the old name.
        await services.Grading.QueryAsync(db => db.Set<Subject>().Where(s => s.Id == subjectId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, "淮阴区缓存测试（已更名）有限公司"), Api.Cancellation));
        var second = await clerk.GetJsonAsync(byIdentifier);
        Assert.Equal("淮阴区缓存测试有限公司", second.GetProperty("name").GetString());
        Assert.Equal(first.GetRawText(), second.GetRawText());
        Assert.True(await services.Redis.KeyExistsAsync(identifierKey));

        // Contract violation: −15 points, and a violation within 12 months makes the subject red at once.
        var recorded = await services.RecordEventInForceAsync(subjectId, "contract-violation", DateTimeOffset.UtcNow.AddDays(-1));
        Assert.Equal(("red", 85), (recorded.GetProperty("colour").GetString(), recorded.GetProperty("score").GetInt32()));

        Assert.False(await services.Redis.KeyExistsAsync(identifierKey));
        Assert.False(await services.Redis.KeyExistsAsync(accountKey));
        var third = await clerk.GetJsonAsync(byIdentifier);
        Assert.Equal(("red", 85), (third.GetProperty("colour").GetString(), third.GetProperty("score").GetInt32()));
        Assert.Equal("淮阴区缓存测试（已更名）有限公司", third.GetProperty("name").GetString());
        var viaAccount = await clerk.GetJsonAsync(byAccount);
        Assert.Equal(("red", 85), (viaAccount.GetProperty("colour").GetString(), viaAccount.GetProperty("score").GetInt32()));
    }
}
