using System.Security.Cryptography;
using System.Text.Json;
using CreditPower.Grading.Domain;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CreditPower.IntegrationTests.Grading.Ledger;

/// <summary>Steps the ledger tests share: a subject with a known account, the billing feed's key, and the subject's events.</summary>
internal static class LedgerSteps
{
    private const string BillingKeySetting = "BillingFeed:ApiKey";
    private static readonly Lock _keyLock = new();

    /// <summary>
    /// The key the running Grading service expects from the billing system. The fixture starts Grading without one (as
    /// a deployment without the AppHost's parameter would be), so the first caller sets it; the service reads it per request.
    /// </summary>
    public static string BillingFeedKey(this ServicesFixture services)
    {
        var configuration = services.Grading.Services.GetRequiredService<IConfiguration>();
        lock (_keyLock)
        {
            if (string.IsNullOrEmpty(configuration[BillingKeySetting]))
            {
                configuration[BillingKeySetting] = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
            }

            return configuration[BillingKeySetting]!;
        }
    }

    public static HttpClient BillingFeedClient(this ServicesFixture services, string? key)
    {
        var client = services.Grading.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public static async Task<(Guid SubjectId, string Identifier, string Account)> RegisterWithAccountAsync(this ServicesFixture services, string name = "淮阴区台账测试有限公司")
    {
        var (identifier, account) = (TestIdentifiers.NewUscc(), TestIdentifiers.NewAccountNumber());
        return (await services.RegisterLegalEntityAsync(identifier, name, account), identifier, account);
    }

    public static Task<List<CreditEvent>> EventsOfAsync(this ServicesFixture services, Guid subjectId) =>
        services.Grading.QueryAsync(db => db.Set<CreditEvent>().AsNoTracking()
            .Where(e => e.SubjectId == subjectId).OrderBy(e => e.RecordedAt).ThenBy(e => e.EventType).ToListAsync(Api.Cancellation));

    public static async Task<(string Colour, int Score)> GradeOfAsync(this ServicesFixture services, Guid subjectId)
    {
        using var clerk = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
        var subject = await clerk.GetJsonAsync($"/api/subjects/{subjectId}");
        return (subject.GetProperty("colour").GetString()!, subject.GetProperty("score").GetInt32());
    }

    public static string[] Statuses(JsonElement report) =>
        [.. report.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()!)];
}
