using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreditPower.Grading.Domain;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.IntegrationTests.Grading.Objections;

/// <summary>
/// Credit repair (DOMAIN.md §10): red may apply after 3 clean months; yellow repairs itself; a supervisor decides;
/// repaired records stay in the archive marked 已修复 and the subject moves up one colour.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class RepairTests(ServicesFixture services) : IDisposable
{
    private readonly HttpClient _clerk = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
    private readonly HttpClient _supervisor = services.CreateClient(ResourceNames.Grading, Roles.Supervisor);

    [Fact]
    public async Task Red_applying_within_three_clean_months_is_refused_with_the_reason()
    {
        var subjectId = await services.RegisterLegalEntityAsync();
        await services.RecordEventInForceAsync(subjectId, "contract-violation", DateTimeOffset.UtcNow.AddMonths(-1));
        Assert.Equal("red", await ColourAsync(subjectId));

        using var response = await _clerk.PostAsJsonAsync($"/api/subjects/{subjectId}/repairs", new { reason = "已整改" }, Api.Cancellation);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("3 个月", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await ArchiveAsync(subjectId)).GetProperty("repairs").EnumerateArray());
    }

    [Fact]
    public async Task Yellow_and_blue_subjects_have_nothing_to_apply_for()
    {
        var blue = await services.RegisterLegalEntityAsync();
        var yellow = await services.RegisterLegalEntityAsync();
        for (var i = 0; i < 4; i++)
        {
            await services.RecordEventInForceAsync(yellow, "late-payment-over-30", DateTimeOffset.UtcNow.AddMonths(-5));
        }

        Assert.Equal("yellow", await ColourAsync(yellow));

        using var forYellow = await _clerk.PostAsJsonAsync($"/api/subjects/{yellow}/repairs", new { reason = "已缴清" }, Api.Cancellation);
        Assert.Contains("月度评价", (await Api.AssertProblemAsync(forYellow, HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var forBlue = await _clerk.PostAsJsonAsync($"/api/subjects/{blue}/repairs", new { reason = "无" }, Api.Cancellation);
        await Api.AssertProblemAsync(forBlue, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task After_three_clean_months_an_approved_repair_marks_the_events_repaired_and_moves_up_one_colour()
    {
        var subjectId = await services.RegisterLegalEntityAsync();
        await services.RecordEventInForceAsync(subjectId, "contract-violation", DateTimeOffset.UtcNow.AddMonths(-4));
        Assert.Equal("red", await ColourAsync(subjectId));

        var repair = await _clerk.PostJsonAsync($"/api/subjects/{subjectId}/repairs", new { reason = "违约用电已整改并缴纳违约使用电费" }, HttpStatusCode.Created);
        Assert.Equal("pending", repair.GetProperty("status").GetString());
        var queue = await _supervisor.GetJsonAsync("/api/repairs?status=pending");
        Assert.Contains(queue.EnumerateArray(), r => r.GetProperty("id").GetGuid() == repair.GetProperty("id").GetGuid());
        using var duplicate = await _clerk.PostAsJsonAsync($"/api/subjects/{subjectId}/repairs", new { reason = "再次申请" }, Api.Cancellation);
        await Api.AssertProblemAsync(duplicate, HttpStatusCode.Conflict);

        var decided = await _supervisor.PostJsonAsync($"/api/repairs/{repair.GetProperty("id").GetGuid()}/decide",
            new { approved = true, note = "整改到位，同意修复" }, HttpStatusCode.OK);

        Assert.Equal("approved", decided.GetProperty("status").GetString());
        var archive = await ArchiveAsync(subjectId);
        var violation = Assert.Single(archive.GetProperty("events").EnumerateArray());
        Assert.Equal(("repaired", "已修复"), (violation.GetProperty("status").GetString(), violation.GetProperty("statusLabel").GetString()));
        Assert.Equal(("yellow", 100), (archive.GetProperty("grade").GetProperty("colour").GetString(), archive.GetProperty("grade").GetProperty("score").GetInt32()));
        Assert.Equal("approved", archive.GetProperty("repairs")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_rejected_repair_changes_no_event_and_no_colour()
    {
        var subjectId = await services.RegisterLegalEntityAsync();
        await services.RecordEventInForceAsync(subjectId, "contract-violation", DateTimeOffset.UtcNow.AddMonths(-4));
        var repair = await _clerk.PostJsonAsync($"/api/subjects/{subjectId}/repairs", new { reason = "申请修复" }, HttpStatusCode.Created);

        var decided = await _supervisor.PostJsonAsync($"/api/repairs/{repair.GetProperty("id").GetGuid()}/decide",
            new { approved = false, note = "整改材料不全" }, HttpStatusCode.OK);

        Assert.Equal("rejected", decided.GetProperty("status").GetString());
        var archive = await ArchiveAsync(subjectId);
        Assert.Equal("inForce", Assert.Single(archive.GetProperty("events").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal("red", archive.GetProperty("grade").GetProperty("colour").GetString());
    }

    [Fact]
    public async Task Black_may_apply_after_six_clean_months_even_with_its_veto_lock_running()
    {
        var subjectId = await services.RegisterLegalEntityAsync();
        await services.RecordEventInForceAsync(subjectId, "electricity-theft", DateTimeOffset.UtcNow.AddMonths(-7));
        Assert.Equal("black", await ColourAsync(subjectId));

        var repair = await _clerk.PostJsonAsync($"/api/subjects/{subjectId}/repairs", new { reason = "已补交电费及违约使用电费" }, HttpStatusCode.Created);
        await _supervisor.PostJsonAsync($"/api/repairs/{repair.GetProperty("id").GetGuid()}/decide", new { approved = true, note = "同意修复" }, HttpStatusCode.OK);

        var archive = await ArchiveAsync(subjectId);
        Assert.Equal("已修复", Assert.Single(archive.GetProperty("events").EnumerateArray()).GetProperty("statusLabel").GetString());
        Assert.Equal("red", archive.GetProperty("grade").GetProperty("colour").GetString());
    }

    [Fact]
    public async Task Black_within_six_months_may_apply_only_once_its_veto_lock_has_ended()
    {
        var subjectId = await services.RegisterLegalEntityAsync();
        await services.RecordEventInForceAsync(subjectId, "grid-accident", DateTimeOffset.UtcNow.AddMonths(-2));
        Assert.Equal("black", await ColourAsync(subjectId));
        using var early = await _clerk.PostAsJsonAsync($"/api/subjects/{subjectId}/repairs", new { reason = "申请修复" }, Api.Cancellation);
        Assert.Contains("6 个月", (await Api.AssertProblemAsync(early, HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Time passes: the lock is over, but the subject stays black until an evaluation may lift it.
        await services.Grading.QueryAsync(db => db.Set<CreditEvent>().Where(e => e.SubjectId == subjectId)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.ExpiresAt, DateTimeOffset.UtcNow.AddDays(-1)), Api.Cancellation));

        await _clerk.PostJsonAsync($"/api/subjects/{subjectId}/repairs", new { reason = "限制期已满" }, HttpStatusCode.Created);
    }

    public void Dispose()
    {
        _clerk.Dispose();
        _supervisor.Dispose();
    }

    private Task<JsonElement> ArchiveAsync(Guid subjectId) => _clerk.GetJsonAsync($"/api/subjects/{subjectId}/archive");

    private async Task<string?> ColourAsync(Guid subjectId) =>
        (await ArchiveAsync(subjectId)).GetProperty("grade").GetProperty("colour").GetString();
}
