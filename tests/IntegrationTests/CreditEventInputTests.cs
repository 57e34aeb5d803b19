using System.Net;
using System.Text.Json;
using CreditPower.Grading.Domain;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Messaging;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.IntegrationTests;

/// <summary>
/// Grading POST /api/subjects/{id}/events: a bad event is refused with the field and the reason, and the subject's
/// ledger, score, colour, grade history and outbox stay exactly as they were.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class CreditEventInputTests(ServicesFixture services) : IDisposable
{
    private readonly HttpClient _clerk = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
    private readonly HttpClient _officer = services.CreateClient(ResourceNames.Grading, Roles.CreditOfficer);

    [Theory]
    [InlineData("an event type that does not exist", """{"eventType":"late-payment-forever","occurredAt":"{past}"}""", "eventType")]
    [InlineData("an event dated in the future", """{"eventType":"late-payment-1-15","occurredAt":"{future}"}""", "occurredAt")]
    [InlineData("an unknown field", """{"eventType":"late-payment-1-15","occurredAt":"{past}","points":-50}""", "points")]
    [InlineData("a missing required field", """{"eventType":"late-payment-1-15"}""", "occurredAt")]
    [InlineData("a date that is not a date", """{"eventType":"late-payment-1-15","occurredAt":"last tuesday"}""", "occurredAt")]
    [InlineData("malformed JSON", """{"eventType":"late-payment-1-15","occurredAt":""", "$")]
    [InlineData("evidence over 500 characters", """{"eventType":"late-payment-1-15","occurredAt":"{past}","evidence":"{long}"}""", "evidence")]
    public async Task Bad_event_answers_400_naming_the_field_and_leaves_the_subject_unchanged(string why, string body, string field)
    {
        var subjectId = await RegisterSubjectAsync();
        var before = await SnapshotAsync(subjectId);
        var json = body
            .Replace("{past}", Api.Iso(DateTimeOffset.UtcNow.AddDays(-2)), StringComparison.Ordinal)
            .Replace("{future}", Api.Iso(DateTimeOffset.UtcNow.AddDays(1)), StringComparison.Ordinal)
            .Replace("{long}", new string('证', 501), StringComparison.Ordinal);

        using var response = await _officer.PostAsync($"/api/subjects/{subjectId}/events", Api.RawJson(json), Api.Cancellation);

        await Api.AssertBadInputAsync(response, field, why);
        Assert.Equal(before, await SnapshotAsync(subjectId));
    }

    [Fact]
    public async Task An_unknown_event_type_is_named_in_the_reason()
    {
        var subjectId = await RegisterSubjectAsync();

        using var response = await _officer.PostAsync($"/api/subjects/{subjectId}/events",
            Api.RawJson($$"""{"eventType":"moon-landing","occurredAt":"{{Api.Iso(DateTimeOffset.UtcNow.AddDays(-1))}}"}"""), Api.Cancellation);

        var reasons = await Api.AssertFieldErrorAsync(response, "eventType");
        Assert.Contains(reasons, r => r.Contains("moon-landing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_event_body_over_256_KB_answers_413_problem_details_and_leaves_the_subject_unchanged()
    {
        var subjectId = await RegisterSubjectAsync();
        var before = await SnapshotAsync(subjectId);

        using var response = await _officer.PostAsync($"/api/subjects/{subjectId}/events",
            Api.RawJson($$"""{"eventType":"late-payment-1-15","occurredAt":"{{Api.Iso(DateTimeOffset.UtcNow.AddDays(-1))}}","evidence":"{{Api.OversizedText()}}"}"""),
            Api.Cancellation);

        await Api.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await SnapshotAsync(subjectId));
    }

    [Fact]
    public async Task A_good_event_does_change_what_the_snapshot_sees()
    {
        // The control for the tests above: the snapshot they compare does move when an event is accepted.
        var subjectId = await RegisterSubjectAsync();
        var before = await SnapshotAsync(subjectId);

        await services.RecordEventInForceAsync(subjectId, "late-payment-1-15", DateTimeOffset.UtcNow.AddDays(-1));

        var after = await SnapshotAsync(subjectId);
        Assert.Equal(before.Score - 2, after.Score);
        Assert.Equal(before.Events + 1, after.Events);
        Assert.Equal(before.Grades + 1, after.Grades);
        Assert.Equal(before.OutboxRows + 1, after.OutboxRows);
    }

    public void Dispose()
    {
        _clerk.Dispose();
        _officer.Dispose();
    }

    private async Task<Guid> RegisterSubjectAsync()
    {
        var subject = await _clerk.PostJsonAsync("/api/subjects",
            new { kind = "legalEntity", identifier = TestIdentifiers.NewUscc(), name = "淮阴区信用事件测试有限公司" }, HttpStatusCode.Created);
        return subject.GetProperty("id").GetGuid();
    }

    /// <summary>What an accepted event would change: the API's view of the subject and grade, and the rows behind them.</summary>
    private async Task<Snapshot> SnapshotAsync(Guid subjectId)
    {
        var subject = await _clerk.GetJsonAsync($"/api/subjects/{subjectId}");
        var grade = await _clerk.GetJsonAsync($"/api/subjects/{subjectId}/grade");
        var (events, grades, outbox) = await services.Grading.QueryAsync(async db => (
            await db.Set<CreditEvent>().CountAsync(e => e.SubjectId == subjectId, Api.Cancellation),
            await db.Set<GradeRecord>().CountAsync(g => g.SubjectId == subjectId, Api.Cancellation),
            await db.Set<OutboxMessage>()
                .FromSql($"SELECT * FROM outbox_messages WHERE body->>'subjectId' = {subjectId.ToString()}")
                .CountAsync(Api.Cancellation)));
        return new Snapshot(
            subject.GetProperty("colour").GetString()!,
            subject.GetProperty("score").GetInt32(),
            grade.GetProperty("effectiveAt").GetDateTimeOffset(),
            JsonSerializer.Serialize(grade.GetProperty("reasons")),
            events,
            grades,
            outbox);
    }

    private sealed record Snapshot(string Colour, int Score, DateTimeOffset GradedAt, string Reasons, int Events, int Grades, int OutboxRows);
}
