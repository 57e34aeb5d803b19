using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CreditPower.Grading.Domain;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.IntegrationTests.Grading.RuleSets;

/// <summary>Drafting, approving and activating rule-set versions as named staff members.</summary>
internal static class RuleSetSteps
{
    /// <summary>A version name no other test uses.</summary>
    public static string NewVersion() => $"2026-it-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}";

    public static string NewUser(string role) => $"{role}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant()}";

    public static async Task<string> ActiveVersionAsync(this ServicesFixture services)
    {
        using var staff = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
        var list = await staff.GetJsonAsync("/api/rule-sets");
        return Assert.Single(list.EnumerateArray(), v => v.GetProperty("status").GetString() == "active").GetProperty("version").GetString()!;
    }

    public static async Task<JsonElement> RuleSetAsync(this ServicesFixture services, string version)
    {
        using var staff = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
        return await staff.GetJsonAsync($"/api/rule-sets/{version}");
    }

    public static async Task<string> StatusOfAsync(this ServicesFixture services, string version) =>
        (await services.RuleSetAsync(version)).GetProperty("summary").GetProperty("status").GetString()!;

    /// <summary>
    /// Drafts a version with the active one's rules (only the title differs), so activating it in the middle of the
    /// run leaves every other test's expectations of points and colours intact.
    /// </summary>
    public static async Task<string> DraftAsync(this ServicesFixture services, string author, params string[] roles)
    {
        var version = NewVersion();
        using var officer = services.CreateClientAs(ResourceNames.Grading, author, roles.Length > 0 ? roles : [Roles.CreditOfficer]);
        await officer.PostJsonAsync("/api/rule-sets", new
        {
            version,
            baseVersion = await services.ActiveVersionAsync(),
            title = $"集成测试规则版本 {version}",
        }, HttpStatusCode.Created);
        return version;
    }

    public static async Task<HttpResponseMessage> ApproveAsync(this ServicesFixture services, string version, string supervisor)
    {
        using var client = services.CreateClientAs(ResourceNames.Grading, supervisor, Roles.Supervisor);
        return await client.PostAsJsonAsync($"/api/rule-sets/{version}/approve", new { }, Api.Cancellation);
    }

    public static async Task<HttpResponseMessage> ActivateAsync(this ServicesFixture services, string version, DateTimeOffset? activateAt = null)
    {
        using var client = services.CreateClientAs(ResourceNames.Grading, NewUser("supervisor"), Roles.Supervisor);
        return await client.PostAsJsonAsync($"/api/rule-sets/{version}/activate", new { activateAt }, Api.Cancellation);
    }

    /// <summary>
    /// Waits for the full re-evaluation an activation starts to finish, so it never rewrites grades under a later test;
    /// returns the run (which proves the activation started it).
    /// </summary>
    public static async Task<ReevaluationRun> ActivationReevaluationFinishedAsync(this ServicesFixture services, string version) =>
        (await Eventually.GetAsync(
            () => services.Grading.QueryAsync(db => db.Set<ReevaluationRun>().AsNoTracking()
                .Where(r => r.RuleVersion == version && r.Kind == ReevaluationKind.Activation)
                .ToListAsync(Api.Cancellation)),
            runs => runs.Count == 1 && runs[0].FinishedAt is not null,
            $"the full re-evaluation under {version} to finish",
            TimeSpan.FromMinutes(1)))[0];

    /// <summary>Drafts, approves (another supervisor) and activates now a version with the active rules; returns it.</summary>
    public static async Task<string> DraftApproveAndActivateAsync(this ServicesFixture services)
    {
        var version = await services.DraftAsync(NewUser("officer"));
        using (var approved = await services.ApproveAsync(version, NewUser("supervisor")))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        using (var activated = await services.ActivateAsync(version))
        {
            Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        }

        await services.ActivationReevaluationFinishedAsync(version);
        return version;
    }
}
