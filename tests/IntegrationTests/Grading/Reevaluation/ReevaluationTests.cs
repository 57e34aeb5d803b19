using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreditPower.Applications.Domain;
using CreditPower.Contracts;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.Events;
using CreditPower.Grading.Features.Reevaluation;
using CreditPower.Grading.Features.RuleSets;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Messaging;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CreditPower.IntegrationTests.Grading.Reevaluation;

/// <summary>
/// The bulk re-evaluation (DOMAIN.md §4 cadence) through its API: the monthly run expires lapsed events and upgrades by
/// one colour, its colour changes reach other services through the outbox, it reports progress, only one runs at a
/// time; and a rule-set simulation counts the colour migration without changing anything. Time passing is simulated
/// by moving an event's expiry into the past, as the ledger would look once its lock period is over.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class ReevaluationTests(ServicesFixture services)
{
    private static readonly TimeSpan _runTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Monthly_run_expires_an_event_past_its_time_and_upgrades_the_subject_one_colour()
    {
        var (subjectId, eventId, _) = await BlackSubjectWhoseVetoHasLapsedAsync();

        var run = await RunMonthlyToTheEndAsync();

        Assert.Null(run.GetProperty("error").GetString());
        var status = await services.Grading.QueryAsync(db => db.Set<CreditEvent>().AsNoTracking()
            .Where(e => e.Id == eventId).Select(e => e.Status).SingleAsync(Api.Cancellation));
        Assert.Equal(CreditEventStatus.Expired, status);

        // Black → red, not straight to blue: one colour per evaluation, and the history says why.
        using var officer = services.CreateClient(ResourceNames.Grading, Roles.CreditOfficer);
        var subject = await officer.GetJsonAsync($"/api/subjects/{subjectId}");
        Assert.Equal("red", subject.GetProperty("colour").GetString());
        Assert.Equal(100, subject.GetProperty("score").GetInt32());
        var grade = await officer.GetJsonAsync($"/api/subjects/{subjectId}/grade");
        Assert.Equal("red", grade.GetProperty("colour").GetString());
        Assert.Contains(grade.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "movement:one-step");
    }

    [Fact]
    public async Task Monthly_run_does_not_upgrade_a_subject_while_one_of_its_records_is_under_objection()
    {
        var (subjectId, _, _) = await BlackSubjectWhoseVetoHasLapsedAsync();
        var late = await services.RecordEventInForceAsync(subjectId, "late-payment-1-15", DateTimeOffset.UtcNow.AddDays(-5));
        using var clerk = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
        await clerk.PostJsonAsync($"/api/subjects/{subjectId}/objections", new
        {
            creditEventId = late.GetProperty("eventId").GetGuid(),
            reason = "该笔电费已按期缴纳，银行回单为证",
        }, HttpStatusCode.Created);

        var run = await RunMonthlyToTheEndAsync();

        // The lapsed veto alone would lift black to red; the pending objection freezes the subject where it is.
        Assert.Null(run.GetProperty("error").GetString());
        using var officer = services.CreateClient(ResourceNames.Grading, Roles.CreditOfficer);
        Assert.Equal("black", (await officer.GetJsonAsync($"/api/subjects/{subjectId}")).GetProperty("colour").GetString());
    }

    [Fact]
    public async Task Monthly_run_counts_nothing_for_an_event_whose_type_the_rule_set_does_not_know()
    {
        // In force under a type no rule has (as after a rule set dropped it): the veto's code in capitals, which must not
        // be taken for the veto, since types match exactly. Written to the ledger directly: the API refuses such a type.
        var (subjectId, _, _) = await BlackSubjectWhoseVetoHasLapsedAsync();
        await services.Grading.QueryAsync(db =>
        {
            db.Add(new CreditEvent
            {
                Id = Guid.CreateVersion7(), SubjectId = subjectId, EventType = "ELECTRICITY-THEFT", OccurredAt = DateTimeOffset.UtcNow.AddDays(-1),
                RecordedAt = DateTimeOffset.UtcNow, Source = LedgerSources.Manual, RuleVersion = DefaultRuleSet.Version, RecordedBy = "officer",
                Status = CreditEventStatus.InForce,
            });
            return db.SaveChangesAsync(Api.Cancellation);
        });

        var run = await RunMonthlyToTheEndAsync();

        Assert.Null(run.GetProperty("error").GetString());
        using var officer = services.CreateClient(ResourceNames.Grading, Roles.CreditOfficer);
        var subject = await officer.GetJsonAsync($"/api/subjects/{subjectId}");
        Assert.Equal(("red", 100), (subject.GetProperty("colour").GetString(), subject.GetProperty("score").GetInt32()));
    }

    [Fact]
    public async Task A_colour_change_made_by_a_run_reaches_applications_through_the_outbox()
    {
        var (subjectId, _, uscc) = await BlackSubjectWhoseVetoHasLapsedAsync();

        var run = await RunMonthlyToTheEndAsync();
        var runId = run.GetProperty("id").GetGuid();

        // The run wrote claim checks to the outbox (a chunk of grade rows each, not the messages); the relay publishes
        // the black → red change as the contract's CreditGradeChanged built from the grade row and the subject, under
        // the grade's id, which is what Applications' inbox records.
        var gradeId = await services.Grading.QueryAsync(db => db.Set<GradeRecord>().AsNoTracking()
            .Where(g => g.SubjectId == subjectId && g.RunId == runId).Select(g => g.Id).SingleAsync(Api.Cancellation));
        var colour = await Eventually.GetAsync(
            () => services.Applications.QueryAsync(db => db.Set<SubjectColour>().AsNoTracking().SingleOrDefaultAsync(c => c.Identifier == uscc, Api.Cancellation)),
            c => c?.Colour == CreditColour.Red, "Applications to hold the new colour", _runTimeout);
        Assert.Equal(subjectId, colour!.SubjectId);
        Assert.True(await services.Applications.QueryAsync(db => db.Set<InboxMessage>().AnyAsync(m => m.MessageId == gradeId, Api.Cancellation)),
            "Applications consumed the change under the grade's id");

        var (row, message) = Assert.Single(await PublishedClaimChecksAsync(run), m => m.Message.MessageId == gradeId);
        Assert.True(row.Body.Length < 64 + GradeChangedReference.ChunkSize, $"the claim check is small: {row.Body}");
        Assert.Equal(subjectId, message.SubjectId);
        var changed = Assert.IsType<CreditGradeChanged>(message.Message);
        Assert.Equal(subjectId, changed.SubjectId);
        Assert.Equal(CreditColour.Black, changed.OldColour);
        Assert.Equal(CreditColour.Red, changed.NewColour);
        Assert.Equal(uscc, changed.Identifier);
        Assert.Single(changed.Accounts);
        // The history keeps codes and points; the words come back from the run's rule version.
        Assert.Contains(changed.Reasons, r => r is { Code: "movement:one-step", Description: "每次评价最多提升一个颜色" });
    }

    [Fact]
    public async Task Colour_changes_spanning_several_claim_checks_each_reach_applications_once_under_their_grade_id()
    {
        // A chunk covers 256 grade rows: more black subjects than that whose veto has lapsed, and among them blue ones
        // whose late payment has lapsed (a new score, the same colour: a grade row in the chunk, no message). One of
        // each made through the API, copied row for row in subject-id order, the blue ones inside the block of black.
        var (blackTemplate, _, blackUscc) = await BlackSubjectWhoseVetoHasLapsedAsync();
        var (blueTemplate, blueUscc) = await BlueSubjectWhoseLatePaymentHasLapsedAsync();
        var copies = GradeChangedReference.ChunkSize + 44;
        // A millisecond apart: the order of the list is the order PostgreSQL sorts them, and the run writes their grades in.
        var firstCopy = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, copies).Select(k => Guid.CreateVersion7(firstCopy.AddMilliseconds(k))).ToList();
        var blueAt = new[] { 100, GradeChangedReference.ChunkSize + 20 };
        var changing = await CopySubjectAsync(blackTemplate, [.. ids.Where((_, k) => !blueAt.Contains(k))]);
        var steadyCopies = await CopySubjectAsync(blueTemplate, [.. blueAt.Select(k => ids[k])]);
        changing[blackTemplate] = blackUscc;
        var steady = new Dictionary<Guid, string>(steadyCopies) { [blueTemplate] = blueUscc };

        var run = await RunMonthlyToTheEndAsync();

        Assert.Null(run.GetProperty("error").GetString());
        var runId = run.GetProperty("id").GetGuid();
        List<Guid> ours = [.. changing.Keys, .. steady.Keys];
        var grades = await services.Grading.QueryAsync(db => db.Set<GradeRecord>().AsNoTracking()
            .Where(g => ours.Contains(g.SubjectId) && g.RunId == runId).ToListAsync(Api.Cancellation));
        Assert.Equal(ours.Order(), grades.Select(g => g.SubjectId).Order());
        Assert.All(grades, g => Assert.Equal("monthly re-evaluation", g.Cause));
        var gradeOf = grades.ToDictionary(g => g.SubjectId);
        Assert.All(changing.Keys, s => Assert.Equal(CreditColour.Red, gradeOf[s].Colour));
        Assert.All(steady.Keys, s => Assert.Equal((CreditColour.Blue, 100), (gradeOf[s].Colour, gradeOf[s].Score)));

        // Every change consumed by Applications under its grade's id; the blue ones' chunk-mates went out, they did not.
        var changeIds = changing.Keys.Select(s => gradeOf[s].Id).ToList();
        await Eventually.UntilAsync(
            () => services.Applications.QueryAsync(async db => await db.Set<InboxMessage>()
                .Where(m => changeIds.Contains(m.MessageId)).Select(m => m.MessageId).Distinct().CountAsync(Api.Cancellation) == changeIds.Count),
            $"Applications to consume all {changeIds.Count} colour changes", _runTimeout);
        var steadyIds = steady.Keys.Select(s => gradeOf[s].Id).ToList();
        Assert.False(await services.Applications.QueryAsync(db => db.Set<InboxMessage>().AnyAsync(m => steadyIds.Contains(m.MessageId), Api.Cancellation)),
            "a grade whose colour stayed is not announced");

        var envelopes = await PublishedClaimChecksAsync(run);
        var rowCount = envelopes.Select(e => e.Row.Id).Distinct().Count();
        Assert.Equal(run.GetProperty("changed").GetInt64(), envelopes.Count);
        Assert.True(rowCount < envelopes.Count, $"{rowCount} claim checks for {envelopes.Count} colour changes");
        var rowsWithOurs = envelopes.Where(e => changeIds.Contains(e.Message.MessageId)).Select(e => e.Row.Id).Distinct().Count();
        Assert.True(rowsWithOurs >= 2, $"our {changeIds.Count} changes span {rowsWithOurs} claim check(s)");

        foreach (var (subjectId, uscc) in changing)
        {
            var gradeId = gradeOf[subjectId].Id;
            var (_, envelope) = Assert.Single(envelopes, e => e.Message.MessageId == gradeId);
            Assert.Equal(subjectId, envelope.SubjectId);
            var changed = Assert.IsType<CreditGradeChanged>(envelope.Message);
            Assert.Equal((subjectId, uscc, CreditColour.Black, CreditColour.Red), (changed.SubjectId, changed.Identifier, changed.OldColour, changed.NewColour));
        }

        Assert.DoesNotContain(envelopes, e => steadyIds.Contains(e.Message.MessageId));

        // Inside their chunks the copied blue subjects' grade rows are marked unchanged, the black ones' as from black.
        var marks = new Dictionary<Guid, char>();
        foreach (var row in envelopes.Select(e => e.Row).DistinctBy(r => r.Id))
        {
            using var body = JsonDocument.Parse(row.Body);
            var firstGradeId = body.RootElement.GetProperty("firstGradeId").GetGuid();
            var oldColours = body.RootElement.GetProperty("oldColours").GetString()!;
            Assert.InRange(oldColours.Length, 1, GradeChangedReference.ChunkSize);
            for (var k = 0; k < oldColours.Length; k++)
            {
                marks.Add(RisingGuids.After(firstGradeId, k), oldColours[k]);
            }
        }

        Assert.All(steadyCopies.Keys, s => Assert.Equal(GradeChangedReference.Unchanged, marks[gradeOf[s].Id]));
        Assert.All(changing.Keys, s => Assert.Equal(GradeChangedReference.Changed(CreditColour.Black), marks[gradeOf[s].Id]));
    }

    [Theory]
    [InlineData("chunk")]
    [InlineData("one change, the earlier shape")]
    public async Task A_claim_check_whose_grade_is_not_there_is_held_with_the_reason_while_the_rest_is_published(string shape)
    {
        await using var claimCheck = await ClaimCheckAsync(shape == "chunk"
            ? $$"""{"firstGradeId":"{{Guid.CreateVersion7()}}","oldColours":"-3"}"""
            : $$"""{"subjectId":"{{Guid.CreateVersion7()}}","gradeId":"{{Guid.CreateVersion7()}}","oldColour":null}""");

        var row = await claimCheck.HeldAsync(attempts: 2);
        Assert.Null(row.SentAt);
        Assert.Contains("1 of the 1 messages of this claim check could not be built", row.LastError, StringComparison.Ordinal);

        // The relay does not back off for it: another subject's grade change goes out meanwhile.
        var other = await services.RegisterLegalEntityAsync(TestIdentifiers.NewUscc(), "淮阴区暂扣消息旁路测试有限公司", TestIdentifiers.NewAccountNumber());
        await services.RecordEventInForceAsync(other, "contract-violation", DateTimeOffset.UtcNow.AddDays(-1));
        await Eventually.UntilAsync(
            () => services.Grading.QueryAsync(db => db.Set<OutboxMessage>()
                .FromSql($"SELECT * FROM outbox_messages WHERE body->>'subjectId' = {other.ToString()}")
                .AnyAsync(m => m.SentAt != null, Api.Cancellation)),
            "the other subject's grade change to be published", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_chunk_published_in_part_is_narrowed_to_the_change_not_published_and_held_for_it()
    {
        // A chunk of two: the subject's real grade, and the grade after it in the sequence, which was never written.
        var (subjectId, _, _) = await BlackSubjectWhoseVetoHasLapsedAsync();
        var gradeId = await services.Grading.QueryAsync(db => db.Set<GradeRecord>().AsNoTracking()
            .Where(g => g.SubjectId == subjectId).OrderByDescending(g => g.EffectiveAt).Select(g => g.Id).FirstAsync(Api.Cancellation));
        var blue = GradeChangedReference.Changed(CreditColour.Blue);
        await using var claimCheck = await ClaimCheckAsync($$"""{"firstGradeId":"{{gradeId}}","oldColours":"{{blue}}{{blue}}"}""");

        var row = await claimCheck.HeldAsync(attempts: 1);

        // The change that could be built went out under its grade's id; the row now stands for the other one only.
        Assert.Null(row.SentAt);
        Assert.Contains("of this claim check could not be built", row.LastError, StringComparison.Ordinal);
        Assert.Equal($"{GradeChangedReference.Unchanged}{blue}", JsonDocument.Parse(row.Body).RootElement.GetProperty("oldColours").GetString());
        await Eventually.UntilAsync(
            () => services.Applications.QueryAsync(db => db.Set<InboxMessage>().AnyAsync(m => m.MessageId == gradeId, Api.Cancellation)),
            "Applications to consume the change under the grade's id", _runTimeout);
    }

    [Fact]
    public async Task A_run_cuts_subjects_with_time_ordered_ids_into_ranges_of_a_fair_share_each_and_grades_them_all()
    {
        // Ids as the API makes them (Guid.CreateVersion7: the time first, so all of today's share their first bytes),
        // a few hundred next to every other test's subjects; equal slices of the uuid space put them all in the first.
        var (template, _, templateUscc) = await BlackSubjectWhoseVetoHasLapsedAsync();
        var ours = await CopySubjectAsync(template, [.. Enumerable.Range(0, 400).Select(_ => Guid.CreateVersion7())]);
        ours[template] = templateUscc;

        // Cut into four by a replica set so; the service's own worker, set to sixteen, works the ranges stored with the run.
        var grading = services.Grading.Services;
        var launcher = new ReevaluationLauncher(grading.GetRequiredService<ReevaluationDataSource>(), grading.GetRequiredService<ReevaluationSignal>(),
            Options.Create(new ReevaluationOptions { Partitions = 4 }), TimeProvider.System);
        var runId = await Eventually.GetAsync(async () =>
        {
            try
            {
                return await launcher.StartAsync(ReevaluationKind.Monthly, DefaultRuleSet.Version, "test", Api.Cancellation);
            }
            catch (ReevaluationInProgressException)
            {
                return Guid.Empty;
            }
        }, id => id != Guid.Empty, "no other re-evaluation to be running", _runTimeout);
        var run = await WaitFinishedAsync(runId);

        Assert.Null(run.GetProperty("error").GetString());
        var ranges = await services.Grading.QueryAsync(db => db.Set<ReevaluationPartition>().AsNoTracking()
            .Where(p => p.RunId == runId).OrderBy(p => p.Partition).ToListAsync(Api.Cancellation));
        var total = run.GetProperty("total").GetInt64();
        Assert.Equal(4, ranges.Count);
        Assert.Equal(total, ranges.Sum(r => r.Done));
        Assert.All(ranges, r => Assert.True(r.Done <= 2 * total / 4, $"range {r.Partition} evaluated {r.Done} of {total} subjects"));
        // Open below and above, each starting where the one before ends: nothing registered meanwhile is left out.
        Assert.Null(ranges[0].From);
        Assert.Null(ranges[^1].To);
        Assert.All(ranges.Skip(1), r => Assert.Equal(ranges[r.Partition - 1].To, r.From));

        var ids = ours.Keys.ToList();
        var graded = await services.Grading.QueryAsync(db => db.Set<GradeRecord>().AsNoTracking()
            .Where(g => ids.Contains(g.SubjectId) && g.RunId == runId).ToListAsync(Api.Cancellation));
        Assert.Equal(ids.Order(), graded.Select(g => g.SubjectId).Order());
        Assert.All(graded, g => Assert.Equal(CreditColour.Red, g.Colour));
    }

    [Fact]
    public async Task A_run_that_changes_a_grade_drops_its_cached_look_up()
    {
        var (_, _, uscc) = await BlackSubjectWhoseVetoHasLapsedAsync();
        using var clerk = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
        var lookup = $"/api/grades/lookup?identifier={uscc}";
        Assert.Equal("black", (await clerk.GetJsonAsync(lookup)).GetProperty("colour").GetString());
        Assert.True(await services.Redis.KeyExistsAsync($"grading:grade:id:{uscc}"));

        await RunMonthlyToTheEndAsync();

        Assert.False(await services.Redis.KeyExistsAsync($"grading:grade:id:{uscc}"));
        Assert.Equal("red", (await clerk.GetJsonAsync(lookup)).GetProperty("colour").GetString());
    }

    [Fact]
    public async Task A_run_reports_progress_until_done_reaches_total_and_is_listed_first()
    {
        await services.RegisterLegalEntityAsync(name: "淮阴区进度测试有限公司");

        var run = await RunMonthlyToTheEndAsync();

        Assert.Equal("monthly", run.GetProperty("kind").GetString());
        Assert.False(string.IsNullOrEmpty(run.GetProperty("ruleVersion").GetString()));
        var total = run.GetProperty("total").GetInt64();
        Assert.True(total >= 1, $"total {total}");
        Assert.Equal(total, run.GetProperty("done").GetInt64());
        Assert.True(run.GetProperty("finishedAt").GetDateTimeOffset() >= run.GetProperty("startedAt").GetDateTimeOffset());

        using var officer = services.CreateClient(ResourceNames.Grading, Roles.CreditOfficer);
        var list = (await officer.GetJsonAsync("/api/reevaluations")).EnumerateArray().ToList();
        Assert.Contains(list, r => r.GetProperty("id").GetGuid() == run.GetProperty("id").GetGuid());
        var started = list.Select(r => r.GetProperty("startedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(started.OrderDescending(), started);
    }

    [Fact]
    public async Task A_second_monthly_run_is_refused_with_409_while_one_is_running()
    {
        var (subjectId, _, _) = await BlackSubjectWhoseVetoHasLapsedAsync();

        // Hold the subject's row, which the run must update: the run cannot finish until it is released.
        var connectionString = await services.Grading.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        await using var holder = new NpgsqlConnection(connectionString);
        await holder.OpenAsync(Api.Cancellation);
        await using var hold = await holder.BeginTransactionAsync(Api.Cancellation);
        await using (var lockRow = new NpgsqlCommand("""SELECT 1 FROM subjects WHERE "Id" = @id FOR UPDATE""", holder, hold))
        {
            lockRow.Parameters.AddWithValue("id", subjectId);
            await lockRow.ExecuteScalarAsync(Api.Cancellation);
        }

        var first = await StartMonthlyAsync();
        using var supervisor = services.CreateClient(ResourceNames.Grading, Roles.Supervisor);
        using (var second = await supervisor.PostAsJsonAsync("/api/reevaluations", new { kind = "monthly" }, Api.Cancellation))
        {
            var problem = await Api.AssertProblemAsync(second, HttpStatusCode.Conflict);
            Assert.Contains(first.ToString(), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var stillRunning = await supervisor.GetJsonAsync($"/api/reevaluations/{first}");
        Assert.Equal(JsonValueKind.Null, stillRunning.GetProperty("finishedAt").ValueKind);

        await hold.RollbackAsync(Api.Cancellation);
        var finished = await WaitFinishedAsync(first);
        Assert.Null(finished.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Simulation_returns_the_colour_migration_matrix_and_changes_nothing()
    {
        var (subjectId, eventId, _) = await BlackSubjectWhoseVetoHasLapsedAsync();
        var before = await SnapshotAsync(subjectId);

        using var officer = services.CreateClient(ResourceNames.Grading, Roles.CreditOfficer);
        var simulation = await officer.PostJsonAsync($"/api/rule-sets/{DefaultRuleSet.Version}/simulation", new { }, HttpStatusCode.OK);

        Assert.Equal(DefaultRuleSet.Version, simulation.GetProperty("version").GetString());
        var matrix = simulation.GetProperty("matrix").EnumerateArray().ToList();
        Assert.Equal(25, matrix.Count);
        long Cell(string from, string to) => matrix.Single(c => c.GetProperty("from").GetString() == from && c.GetProperty("to").GetString() == to)
            .GetProperty("count").GetInt64();
        Assert.True(Cell("black", "red") >= 1, "the lapsed veto's subject would move black → red");
        Assert.Equal(simulation.GetProperty("total").GetInt64(), matrix.Sum(c => c.GetProperty("count").GetInt64()));
        Assert.Equal(matrix.Where(c => c.GetProperty("from").GetString() != c.GetProperty("to").GetString()).Sum(c => c.GetProperty("count").GetInt64()),
            simulation.GetProperty("changed").GetInt64());

        Assert.Equal(before, await SnapshotAsync(subjectId));
        var status = await services.Grading.QueryAsync(db => db.Set<CreditEvent>().AsNoTracking()
            .Where(e => e.Id == eventId).Select(e => e.Status).SingleAsync(Api.Cancellation));
        Assert.Equal(CreditEventStatus.InForce, status);
    }

    [Fact]
    public async Task Only_monthly_runs_are_started_by_hand_and_only_by_a_supervisor()
    {
        using var supervisor = services.CreateClient(ResourceNames.Grading, Roles.Supervisor);
        using (var wrongKind = await supervisor.PostAsJsonAsync("/api/reevaluations", new { kind = "activation" }, Api.Cancellation))
        {
            await Api.AssertFieldErrorAsync(wrongKind, "kind");
        }

        using var officer = services.CreateClient(ResourceNames.Grading, Roles.CreditOfficer);
        using var forbidden = await officer.PostAsJsonAsync("/api/reevaluations", new { kind = "monthly" }, Api.Cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await officer.GetStatusAsync($"/api/reevaluations/{Guid.NewGuid()}"));
        using var unknown = await officer.PostAsJsonAsync("/api/rule-sets/no-such-version/simulation", new { }, Api.Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    // A subject made black by a confirmed theft two days ago, whose 24-month lock is then made to have ended an hour ago.
    private async Task<(Guid SubjectId, Guid EventId, string Uscc)> BlackSubjectWhoseVetoHasLapsedAsync()
    {
        var uscc = TestIdentifiers.NewUscc();
        var subjectId = await services.RegisterLegalEntityAsync(uscc, "淮阴区重新评价测试有限公司");
        var theft = await services.RecordEventInForceAsync(subjectId, "electricity-theft", DateTimeOffset.UtcNow.AddDays(-2));
        var eventId = theft.GetProperty("eventId").GetGuid();
        using var officer = services.CreateClient(ResourceNames.Grading, Roles.CreditOfficer);
        Assert.Equal("black", (await officer.GetJsonAsync($"/api/subjects/{subjectId}")).GetProperty("colour").GetString());

        await services.Grading.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE credit_events SET "ExpiresAt" = now() - interval '1 hour' WHERE "Id" = {eventId}""", Api.Cancellation));
        return (subjectId, eventId, uscc);
    }

    // A blue subject whose late payment (−2) counted until an hour ago: the run gives it back its 100, blue still
    // (green asks for twelve months of history).
    private async Task<(Guid SubjectId, string Uscc)> BlueSubjectWhoseLatePaymentHasLapsedAsync()
    {
        var uscc = TestIdentifiers.NewUscc();
        var subjectId = await services.RegisterLegalEntityAsync(uscc, "淮阴区重新评价分值测试有限公司");
        var late = await services.RecordEventInForceAsync(subjectId, "late-payment-1-15", DateTimeOffset.UtcNow.AddDays(-5));
        var eventId = late.GetProperty("eventId").GetGuid();
        using var officer = services.CreateClient(ResourceNames.Grading, Roles.CreditOfficer);
        var subject = await officer.GetJsonAsync($"/api/subjects/{subjectId}");
        Assert.Equal(("blue", 98), (subject.GetProperty("colour").GetString(), subject.GetProperty("score").GetInt32()));

        await services.Grading.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE credit_events SET "ExpiresAt" = now() - interval '1 hour' WHERE "Id" = {eventId}""", Api.Cancellation));
        return (subjectId, uscc);
    }

    // Copies of a subject made through the API, row for row (subject, account, ledger, grade history) under the given
    // ids, in one SaveChanges rather than three requests each (registration, event, four-eyes approval). Their earlier
    // grades are not announced: the other services first hear of the copies through the run's messages.
    private Task<Dictionary<Guid, string>> CopySubjectAsync(Guid templateId, IReadOnlyList<Guid> ids) => services.Grading.QueryAsync(async db =>
    {
        var template = await db.Set<Subject>().AsNoTracking().Include(s => s.Accounts).SingleAsync(s => s.Id == templateId, Api.Cancellation);
        var events = await db.Set<CreditEvent>().AsNoTracking().Where(e => e.SubjectId == templateId).ToListAsync(Api.Cancellation);
        var grades = await db.Set<GradeRecord>().AsNoTracking().Where(g => g.SubjectId == templateId).ToListAsync(Api.Cancellation);
        var identifiers = new Dictionary<Guid, string>();
        foreach (var id in ids)
        {
            var copy = new Subject
            {
                Id = id, Kind = template.Kind, Identifier = TestIdentifiers.NewUscc(), Name = template.Name, CreatedAt = template.CreatedAt,
                Colour = template.Colour, Score = template.Score, RuleVersion = template.RuleVersion, GradedAt = template.GradedAt,
                LastRedOrBlackAt = template.LastRedOrBlackAt,
                Accounts = [.. template.Accounts.Select(_ => new PowerAccount { Id = Guid.CreateVersion7(), SubjectId = id, Number = TestIdentifiers.NewAccountNumber() })],
            };
            db.Add(copy);
            db.AddRange(events.Select(e => new CreditEvent
            {
                Id = Guid.CreateVersion7(), SubjectId = id, EventType = e.EventType, Points = e.Points, OccurredAt = e.OccurredAt,
                RecordedAt = e.RecordedAt, ExpiresAt = e.ExpiresAt, Source = e.Source, ExternalId = e.ExternalId, AccountNumber = e.AccountNumber,
                RuleVersion = e.RuleVersion, Evidence = e.Evidence, RecordedBy = e.RecordedBy, Status = e.Status, ApprovedBy = e.ApprovedBy,
                ApprovedAt = e.ApprovedAt, DecisionNote = e.DecisionNote, ResolvedAt = e.ResolvedAt,
            }));
            db.AddRange(grades.Select(g => new GradeRecord
            {
                Id = Guid.CreateVersion7(), SubjectId = id, Colour = g.Colour, Score = g.Score, RuleVersion = g.RuleVersion, Reasons = g.Reasons,
                EffectiveAt = g.EffectiveAt, Cause = g.Cause, RunId = g.RunId,
            }));
            identifiers[id] = copy.Identifier;
        }

        await db.SaveChangesAsync(Api.Cancellation);
        return identifiers;
    });

    // A claim check put in Grading's outbox by hand, deleted when disposed: held for good otherwise, and retried on every
    // batch of the service the other tests share.
    private async Task<ClaimCheck> ClaimCheckAsync(string body)
    {
        var id = Guid.CreateVersion7();
        await services.Grading.QueryAsync(async db =>
        {
            db.Set<OutboxMessage>().Add(new OutboxMessage
            {
                Id = id, MessageType = GradeChangedReference.MessageType, Body = body, CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync(Api.Cancellation);
        });
        return new ClaimCheck(services, id);
    }

    private sealed class ClaimCheck(ServicesFixture services, Guid id) : IAsyncDisposable
    {
        /// <summary>The row once the relay has held it <paramref name="attempts"/> times.</summary>
        public Task<OutboxMessage> HeldAsync(int attempts) => Eventually.GetAsync(
            () => services.Grading.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id, Api.Cancellation)),
            r => r.Attempts >= attempts, $"the relay to hold the claim check {attempts} time(s)", _runTimeout);

        public async ValueTask DisposeAsync() =>
            await services.Grading.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.Id == id).ExecuteDeleteAsync(Api.Cancellation));
    }

    // The claim checks a run wrote (only bulk runs write them, one run at a time) once the relay has marked each sent —
    // after all the messages it stands for are published — with those messages as the relay builds them.
    private async Task<List<(OutboxMessage Row, OutboxEnvelope Message)>> PublishedClaimChecksAsync(JsonElement run)
    {
        var (startedAt, finishedAt) = (run.GetProperty("startedAt").GetDateTimeOffset(), run.GetProperty("finishedAt").GetDateTimeOffset());
        var rows = await Eventually.GetAsync(
            () => services.Grading.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.MessageType == GradeChangedReference.MessageType && m.CreatedAt >= startedAt && m.CreatedAt <= finishedAt).ToListAsync(Api.Cancellation)),
            rows => rows.Count > 0 && rows.TrueForAll(r => r.SentAt is not null), "the run's claim checks to be marked sent", _runTimeout);
        var resolved = await services.Grading.QueryAsync(db => new GradeChangedReference(new RuleSetVersions()).ResolveAsync(db, rows, Api.Cancellation));
        return [.. rows.SelectMany(r => resolved.TryGetValue(r.Id, out var messages) ? messages.Select(m => (Row: r, Message: m)) : [])];
    }

    private async Task<JsonElement> RunMonthlyToTheEndAsync() => await WaitFinishedAsync(await StartMonthlyAsync());

    // Another test's run (or an activation) may still be going: wait for our turn rather than fail.
    private async Task<Guid> StartMonthlyAsync()
    {
        using var supervisor = services.CreateClient(ResourceNames.Grading, Roles.Supervisor);
        return await Eventually.GetAsync(async () =>
        {
            using var response = await supervisor.PostAsJsonAsync("/api/reevaluations", new { kind = "monthly" }, Api.Cancellation);
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                return Guid.Empty;
            }

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var run = await response.ReadJsonAsync();
            Assert.Equal($"/api/reevaluations/{run.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
            return run.GetProperty("id").GetGuid();
        }, id => id != Guid.Empty, "no other re-evaluation to be running", _runTimeout);
    }

    private async Task<JsonElement> WaitFinishedAsync(Guid runId)
    {
        using var officer = services.CreateClient(ResourceNames.Grading, Roles.CreditOfficer);
        return await Eventually.GetAsync(() => officer.GetJsonAsync($"/api/reevaluations/{runId}"),
            run => run.GetProperty("finishedAt").ValueKind != JsonValueKind.Null, $"re-evaluation {runId} to finish", _runTimeout);
    }

    private Task<string> SnapshotAsync(Guid subjectId) => services.Grading.QueryAsync(async db =>
    {
        var subject = await db.Set<Subject>().AsNoTracking().Where(s => s.Id == subjectId)
            .Select(s => new { s.Colour, s.Score, s.RuleVersion, s.GradedAt, s.LastRedOrBlackAt }).SingleAsync(Api.Cancellation);
        var grades = await db.Set<GradeRecord>().CountAsync(Api.Cancellation);
        var outbox = await db.Set<OutboxMessage>().CountAsync(Api.Cancellation);
        var runs = await db.Set<ReevaluationRun>().CountAsync(Api.Cancellation);
        var expired = await db.Set<CreditEvent>().CountAsync(e => e.Status == CreditEventStatus.Expired, Api.Cancellation);
        return $"{subject} grades {grades} outbox {outbox} runs {runs} expired {expired}";
    });
}
