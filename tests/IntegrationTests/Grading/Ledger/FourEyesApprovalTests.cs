using System.Net;
using System.Net.Http.Json;
using CreditPower.Grading.Domain;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;

namespace CreditPower.IntegrationTests.Grading.Ledger;

/// <summary>DOMAIN.md §3: a manual event counts only once a second officer approves it; its recorder cannot.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class FourEyesApprovalTests(ServicesFixture services) : IDisposable
{
    private readonly HttpClient _officer = services.CreateClientAs(ResourceNames.Grading, "ledger-officer-a", Roles.CreditOfficer);
    private readonly HttpClient _secondOfficer = services.CreateClientAs(ResourceNames.Grading, "ledger-officer-b", Roles.CreditOfficer);
    private readonly HttpClient _supervisor = services.CreateClientAs(ResourceNames.Grading, "ledger-supervisor", Roles.Supervisor);

    [Fact]
    public async Task A_recorded_event_waits_for_approval_and_does_not_count()
    {
        var (subjectId, _, _) = await services.RegisterWithAccountAsync();

        var recorded = await RecordAsync(subjectId, "contract-violation");

        Assert.Equal("pendingApproval", recorded.GetProperty("status").GetString());
        Assert.Equal(("blue", 100), await services.GradeOfAsync(subjectId));
        Assert.Equal(CreditEventStatus.PendingApproval, Assert.Single(await services.EventsOfAsync(subjectId)).Status);
        var queue = await _supervisor.GetJsonAsync("/api/events/pending");
        var entry = Assert.Single(queue.EnumerateArray(), e => e.GetProperty("eventId").GetGuid() == recorded.GetProperty("eventId").GetGuid());
        Assert.Equal("违约用电", entry.GetProperty("eventTypeName").GetString());
        Assert.Equal("ledger-officer-a", entry.GetProperty("recordedBy").GetString());
        Assert.Equal(-15, entry.GetProperty("points").GetInt32());
    }

    [Fact]
    public async Task The_recorder_cannot_approve_their_own_event_and_nothing_changes()
    {
        var (subjectId, _, _) = await services.RegisterWithAccountAsync();
        var eventId = (await RecordAsync(subjectId, "contract-violation")).GetProperty("eventId").GetGuid();

        using var response = await _officer.PostAsJsonAsync($"/api/events/{eventId}/approve", new { }, Api.Cancellation);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("审批人不能是登记人", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(("blue", 100), await services.GradeOfAsync(subjectId));
        var stored = Assert.Single(await services.EventsOfAsync(subjectId));
        Assert.Equal(CreditEventStatus.PendingApproval, stored.Status);
        Assert.Null(stored.ApprovedBy);
    }

    [Fact]
    public async Task A_second_officer_approves_and_the_colour_changes_at_once()
    {
        var (subjectId, _, _) = await services.RegisterWithAccountAsync();
        var eventId = (await RecordAsync(subjectId, "contract-violation")).GetProperty("eventId").GetGuid();

        var approved = await _secondOfficer.PostJsonAsync($"/api/events/{eventId}/approve", new { }, HttpStatusCode.OK);

        Assert.Equal("inForce", approved.GetProperty("status").GetString());
        Assert.Equal(("red", 85), (approved.GetProperty("colour").GetString(), approved.GetProperty("score").GetInt32()));
        Assert.True(approved.GetProperty("colourChanged").GetBoolean());
        Assert.Contains(approved.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "contract-violation");
        Assert.Equal(("red", 85), await services.GradeOfAsync(subjectId));
        var stored = Assert.Single(await services.EventsOfAsync(subjectId));
        Assert.Equal(("ledger-officer-b", CreditEventStatus.InForce), (stored.ApprovedBy, stored.Status));

        // Decided once: a second approval is a conflict, and the queue no longer shows it.
        using var again = await _supervisor.PostAsJsonAsync($"/api/events/{eventId}/approve", new { }, Api.Cancellation);
        await Api.AssertProblemAsync(again, HttpStatusCode.Conflict);
        var queue = await _supervisor.GetJsonAsync("/api/events/pending");
        Assert.DoesNotContain(queue.EnumerateArray(), e => e.GetProperty("eventId").GetGuid() == eventId);
    }

    [Fact]
    public async Task A_rejected_event_never_counts_and_cannot_be_approved_afterwards()
    {
        var (subjectId, _, _) = await services.RegisterWithAccountAsync();
        var eventId = (await RecordAsync(subjectId, "contract-violation")).GetProperty("eventId").GetGuid();

        using var noReason = await _supervisor.PostAsJsonAsync($"/api/events/{eventId}/reject", new { reason = " " }, Api.Cancellation);
        await Api.AssertFieldErrorAsync(noReason, "reason");
        var rejected = await _supervisor.PostJsonAsync($"/api/events/{eventId}/reject", new { reason = "证据不足，现场照片无法辨认。" }, HttpStatusCode.OK);

        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        var stored = Assert.Single(await services.EventsOfAsync(subjectId));
        Assert.Equal((CreditEventStatus.Rejected, "证据不足，现场照片无法辨认。"), (stored.Status, stored.DecisionNote));
        using var approve = await _secondOfficer.PostAsJsonAsync($"/api/events/{eventId}/approve", new { }, Api.Cancellation);
        await Api.AssertProblemAsync(approve, HttpStatusCode.Conflict);
        Assert.Equal(("blue", 100), await services.GradeOfAsync(subjectId));
    }

    [Fact]
    public async Task A_clerk_may_neither_see_the_queue_nor_approve()
    {
        using var clerk = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
        var (subjectId, _, _) = await services.RegisterWithAccountAsync();
        var eventId = (await RecordAsync(subjectId, "inspection-refused")).GetProperty("eventId").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, await clerk.GetStatusAsync("/api/events/pending"));
        using var approve = await clerk.PostAsJsonAsync($"/api/events/{eventId}/approve", new { }, Api.Cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Equal(CreditEventStatus.PendingApproval, Assert.Single(await services.EventsOfAsync(subjectId)).Status);
    }

    public void Dispose()
    {
        _officer.Dispose();
        _secondOfficer.Dispose();
        _supervisor.Dispose();
    }

    private Task<System.Text.Json.JsonElement> RecordAsync(Guid subjectId, string eventType) =>
        _officer.PostJsonAsync($"/api/subjects/{subjectId}/events",
            new { eventType, occurredAt = DateTimeOffset.UtcNow.AddDays(-1), evidence = "现场检查记录" }, HttpStatusCode.Created);
}
