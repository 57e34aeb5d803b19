using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreditPower.Grading.Domain;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Dates;
using CreditPower.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreditPower.IntegrationTests.Grading.Objections;

/// <summary>
/// Objections (DOMAIN.md §10): the record is marked 异议处理中 and escalation resting on it is frozen while pending;
/// upheld revokes it and re-grades, rejected puts it back in force; deadlines in working days; DRC records referred.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class ObjectionTests(ServicesFixture services) : IDisposable
{
    private readonly HttpClient _clerk = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
    private readonly HttpClient _officer = services.CreateClient(ResourceNames.Grading, Roles.CreditOfficer);
    private readonly HttpClient _supervisor = services.CreateClient(ResourceNames.Grading, Roles.Supervisor);

    [Fact]
    public async Task While_an_objection_is_pending_its_event_does_not_push_the_grade_further_down()
    {
        var subjectId = await services.RegisterLegalEntityAsync();
        var violation = await RecordAsync(subjectId, "contract-violation");
        Assert.Equal(("red", 85), await GradeAsync(subjectId));

        var objection = await SubmitAsync(subjectId, violation);
        Assert.Equal("submitted", objection.GetProperty("status").GetString());
        Assert.Equal("异议处理中", EventIn(await ArchiveAsync(subjectId), violation).GetProperty("statusLabel").GetString());
        Assert.Equal(("red", 85), await GradeAsync(subjectId));

        // −40 (payment, at its cap) −10 (safety): with the −15 of the violation the score would be 35, black;
        // with the violation frozen it is 50, red.
        for (var i = 0; i < 5; i++)
        {
            await RecordAsync(subjectId, "late-payment-over-30");
        }

        await RecordAsync(subjectId, "grid-trip-caused");
        await RecordAsync(subjectId, "grid-trip-caused");
        Assert.Equal(("red", 50), await GradeAsync(subjectId));

        // The objection fails: the violation counts again and the escalation it was holding back happens.
        var decided = await DecideAsync(objection, upheld: false);
        Assert.Equal("rejected", decided.GetProperty("status").GetString());
        Assert.Equal("生效中", EventIn(await ArchiveAsync(subjectId), violation).GetProperty("statusLabel").GetString());
        Assert.Equal(("black", 35), await GradeAsync(subjectId));
    }

    [Fact]
    public async Task An_upheld_objection_revokes_the_event_and_regrades_one_colour_up()
    {
        var subjectId = await services.RegisterLegalEntityAsync();
        var violation = await RecordAsync(subjectId, "contract-violation");
        var objection = await SubmitAsync(subjectId, violation);

        var acknowledged = await _officer.PostJsonAsync($"/api/objections/{Id(objection)}/acknowledge", new { }, HttpStatusCode.OK);
        Assert.Equal("acknowledged", acknowledged.GetProperty("status").GetString());
        var decided = await DecideAsync(objection, upheld: true);

        Assert.Equal("upheld", decided.GetProperty("status").GetString());
        var archive = await ArchiveAsync(subjectId);
        Assert.Equal(("revoked", "已撤销"), (EventIn(archive, violation).GetProperty("status").GetString(),
            EventIn(archive, violation).GetProperty("statusLabel").GetString()));
        Assert.Equal(("yellow", 100), await GradeAsync(subjectId));
        Assert.Equal("upheld", archive.GetProperty("objections")[0].GetProperty("status").GetString());

        using var again = await _supervisor.PostAsJsonAsync($"/api/objections/{Id(objection)}/decide", new { upheld = false, note = "再次决定" }, Api.Cancellation);
        await Api.AssertProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal(("yellow", 100), await GradeAsync(subjectId));
    }

    [Fact]
    public async Task Upholding_one_objection_does_not_lift_a_grade_another_pending_objections_record_still_holds()
    {
        var subjectId = await services.RegisterLegalEntityAsync();
        var first = await RecordAsync(subjectId, "contract-violation");
        var second = await RecordAsync(subjectId, "contract-violation");
        Assert.Equal(("red", 70), await GradeAsync(subjectId));
        var firstObjection = await SubmitAsync(subjectId, first);
        var secondObjection = await SubmitAsync(subjectId, second);

        // Without the second violation the subject would move up a colour; while it is under objection it still holds red.
        await DecideAsync(firstObjection, upheld: true);
        Assert.Equal("red", (await GradeAsync(subjectId)).Item1);

        await DecideAsync(secondObjection, upheld: true);
        Assert.Equal(("yellow", 100), await GradeAsync(subjectId));
    }

    [Fact]
    public async Task Deadlines_are_working_days_ahead_skipping_public_holidays()
    {
        var subjectId = await services.RegisterLegalEntityAsync();
        var violation = await RecordAsync(subjectId, "contract-violation");
        var objection = await SubmitAsync(subjectId, violation);
        var submittedAt = objection.GetProperty("submittedAt").GetDateTimeOffset();
        var acknowledgeBy = objection.GetProperty("acknowledgeBy").GetDateTimeOffset();
        var decideBy = objection.GetProperty("decideBy").GetDateTimeOffset();
        Assert.False(objection.GetProperty("acknowledgeOverdue").GetBoolean());
        var calendar = services.Grading.Services.GetRequiredService<WorkingDayCalendar>();
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 1)), "Grading counts on the shipped holiday notices.");
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)), "A make-up Saturday (调休) is a working day in Grading.");

        // The end of the 1st and the 10th working day after the Beijing day of submission. Grading runs on the real
        // clock, so the dates are counted by hand from it, over the run's two test holidays just ahead of today; a
        // service counting plain Monday to Friday would answer earlier dates.
        Assert.Equal(TestHolidays.DeadlineAfter(services.Grading, submittedAt, 1), acknowledgeBy);
        Assert.Equal(TestHolidays.DeadlineAfter(services.Grading, submittedAt, 10), decideBy);
        Assert.NotEqual(TestHolidays.WeekdayDeadlineAfter(submittedAt, 1), acknowledgeBy);
        Assert.NotEqual(TestHolidays.WeekdayDeadlineAfter(submittedAt, 10), decideBy);
    }

    [Fact]
    public async Task The_queue_flags_an_objection_past_its_acknowledge_deadline_as_overdue()
    {
        var subjectId = await services.RegisterLegalEntityAsync();
        var violation = await RecordAsync(subjectId, "contract-violation");
        var objection = await SubmitAsync(subjectId, violation);
        Assert.False(objection.GetProperty("acknowledgeOverdue").GetBoolean());

        // Time passes: the acknowledge deadline is behind us.
        var objectionId = Id(objection);
        await services.Grading.QueryAsync(db => db.Set<Objection>().Where(o => o.Id == objectionId)
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.AcknowledgeBy, DateTimeOffset.UtcNow.AddHours(-1)), Api.Cancellation));

        var queue = await _supervisor.GetJsonAsync("/api/objections?status=submitted");
        var listed = Assert.Single(queue.EnumerateArray(), o => Id(o) == objectionId);
        Assert.True(listed.GetProperty("acknowledgeOverdue").GetBoolean());
        Assert.False(listed.GetProperty("decisionOverdue").GetBoolean());
        var acknowledgedQueue = await _officer.GetJsonAsync("/api/objections?status=acknowledged");
        Assert.DoesNotContain(acknowledgedQueue.EnumerateArray(), o => Id(o) == objectionId);

        using var badStatus = await _officer.GetAsync("/api/objections?status=lost", Api.Cancellation);
        await Api.AssertFieldErrorAsync(badStatus, "status");
    }

    [Fact]
    public async Task An_objection_to_a_drc_record_is_referred_to_the_drc()
    {
        var subjectId = await services.RegisterLegalEntityAsync();
        var drcEventId = Guid.CreateVersion7();
        await services.Grading.QueryAsync(async db =>
        {
            db.Add(new CreditEvent
            {
                Id = drcEventId, SubjectId = subjectId, EventType = "penalty-general", Points = -3,
                OccurredAt = DateTimeOffset.UtcNow.AddDays(-10), RecordedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddMonths(11),
                Source = "drc", ExternalId = $"drc-{drcEventId}", RuleVersion = DefaultRuleSet.Version, RecordedBy = "drc-feed",
                Status = CreditEventStatus.InForce,
            });
            return await db.SaveChangesAsync(Api.Cancellation);
        });

        var objection = await SubmitAsync(subjectId, drcEventId);

        Assert.Equal("referredToDrc", objection.GetProperty("status").GetString());
        Assert.Equal("underObjection", EventIn(await ArchiveAsync(subjectId), drcEventId).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_second_objection_a_blank_reason_another_subjects_event_or_a_bonus_is_refused_and_changes_nothing()
    {
        var subjectId = await services.RegisterLegalEntityAsync();
        var violation = await RecordAsync(subjectId, "contract-violation");
        using var blank = await _clerk.PostAsJsonAsync($"/api/subjects/{subjectId}/objections", new { creditEventId = violation, reason = "  " }, Api.Cancellation);
        await Api.AssertFieldErrorAsync(blank, "reason");
        Assert.Equal("生效中", EventIn(await ArchiveAsync(subjectId), violation).GetProperty("statusLabel").GetString());

        await SubmitAsync(subjectId, violation);
        using var second = await _clerk.PostAsJsonAsync($"/api/subjects/{subjectId}/objections", new { creditEventId = violation, reason = "重复" }, Api.Cancellation);
        await Api.AssertProblemAsync(second, HttpStatusCode.Conflict);

        var otherSubject = await services.RegisterLegalEntityAsync();
        using var foreign = await _clerk.PostAsJsonAsync($"/api/subjects/{otherSubject}/objections", new { creditEventId = violation, reason = "他人记录" }, Api.Cancellation);
        await Api.AssertFieldErrorAsync(foreign, "creditEventId");
        var bonus = await RecordAsync(subjectId, "auto-debit");
        using var toBonus = await _clerk.PostAsJsonAsync($"/api/subjects/{subjectId}/objections", new { creditEventId = bonus, reason = "加分" }, Api.Cancellation);
        await Api.AssertFieldErrorAsync(toBonus, "creditEventId");
        Assert.Single((await ArchiveAsync(subjectId)).GetProperty("objections").EnumerateArray());
    }

    public void Dispose()
    {
        _clerk.Dispose();
        _officer.Dispose();
        _supervisor.Dispose();
    }

    private static Guid Id(JsonElement e) => e.GetProperty("id").GetGuid();

    private static JsonElement EventIn(JsonElement archive, Guid eventId) =>
        Assert.Single(archive.GetProperty("events").EnumerateArray(), e => e.GetProperty("id").GetGuid() == eventId);

    private async Task<Guid> RecordAsync(Guid subjectId, string eventType)
    {
        await services.RecordEventInForceAsync(subjectId, eventType, DateTimeOffset.UtcNow.AddDays(-1));
        var archive = await ArchiveAsync(subjectId);
        return archive.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("eventType").GetString() == eventType)
            .OrderByDescending(e => e.GetProperty("recordedAt").GetDateTimeOffset())
            .Select(e => e.GetProperty("id").GetGuid())
            .First();
    }

    private Task<JsonElement> SubmitAsync(Guid subjectId, Guid eventId) =>
        _clerk.PostJsonAsync($"/api/subjects/{subjectId}/objections", new { creditEventId = eventId, reason = "用户称该违约用电系计量装置故障所致" }, HttpStatusCode.Created);

    private Task<JsonElement> DecideAsync(JsonElement objection, bool upheld) =>
        _supervisor.PostJsonAsync($"/api/objections/{Id(objection)}/decide", new { upheld, note = upheld ? "经核查异议成立" : "经核查异议不成立" }, HttpStatusCode.OK);

    private Task<JsonElement> ArchiveAsync(Guid subjectId) => _clerk.GetJsonAsync($"/api/subjects/{subjectId}/archive");

    private async Task<(string?, int)> GradeAsync(Guid subjectId)
    {
        var grade = (await ArchiveAsync(subjectId)).GetProperty("grade");
        return (grade.GetProperty("colour").GetString(), grade.GetProperty("score").GetInt32());
    }
}
