using System.Net;
using System.Text.Json;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;

namespace CreditPower.IntegrationTests.Hosting;

/// <summary>The steps many Grading tests share: a registered subject, and events that count (recorded and approved).</summary>
internal static class GradingSteps
{
    public static async Task<Guid> RegisterLegalEntityAsync(
        this ServicesFixture services, string? uscc = null, string name = "淮阴区测试机械有限公司", string? account = null)
    {
        using var clerk = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
        var subject = await clerk.PostJsonAsync("/api/subjects", new
        {
            kind = "legalEntity",
            identifier = uscc ?? TestIdentifiers.NewUscc(),
            name,
            accounts = new[] { account ?? TestIdentifiers.NewAccountNumber() },
        }, HttpStatusCode.Created);
        return subject.GetProperty("id").GetGuid();
    }

    /// <summary>
    /// Records a manual event as one credit officer and, where it waits for a second (four-eyes), approves it as
    /// another; returns the answer that put it in force.
    /// </summary>
    public static async Task<JsonElement> RecordEventInForceAsync(
        this ServicesFixture services, Guid subjectId, string eventType, DateTimeOffset occurredAt, string? evidence = null)
    {
        using var officer = services.CreateClientAs(ResourceNames.Grading, "officer", Roles.CreditOfficer);
        var recorded = await officer.PostJsonAsync($"/api/subjects/{subjectId}/events", new
        {
            eventType,
            occurredAt,
            evidence = evidence ?? "测试证据",
        }, HttpStatusCode.Created);
        if (!recorded.TryGetProperty("status", out var status) || status.GetString() != "pendingApproval")
        {
            return recorded;
        }

        using var second = services.CreateClientAs(ResourceNames.Grading, "officer2", Roles.CreditOfficer);
        return await second.PostJsonAsync($"/api/events/{recorded.GetProperty("eventId").GetGuid()}/approve", new { }, HttpStatusCode.OK);
    }
}
