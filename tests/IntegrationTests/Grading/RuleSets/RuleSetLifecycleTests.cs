using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;

namespace CreditPower.IntegrationTests.Grading.RuleSets;

/// <summary>Rule sets are data: drafted by one officer, approved by a different supervisor, activated at a time.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class RuleSetLifecycleTests(ServicesFixture services)
{
    [Fact]
    public async Task A_draft_approved_by_another_supervisor_and_activated_supersedes_the_old_version_and_names_new_grades()
    {
        var old = await services.ActiveVersionAsync();
        var earlier = await services.RegisterLegalEntityAsync();
        var beforeActivation = DateTimeOffset.UtcNow;
        var author = RuleSetSteps.NewUser("officer");
        var approver = RuleSetSteps.NewUser("supervisor");
        var version = await services.DraftAsync(author);
        var draft = await services.RuleSetAsync(version);
        Assert.Equal(("draft", author), (draft.GetProperty("summary").GetProperty("status").GetString(), draft.GetProperty("summary").GetProperty("draftedBy").GetString()));
        Assert.Equal(
            (await services.RuleSetAsync(old)).GetProperty("definition").GetRawText(),
            draft.GetProperty("definition").GetRawText());

        using (var approved = await services.ApproveAsync(version, approver))
        {
            var body = await approved.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
            Assert.Equal(("approved", approver), (body.GetProperty("status").GetString(), body.GetProperty("approvedBy").GetString()));
        }

        using (var activated = await services.ActivateAsync(version))
        {
            Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
            var body = await activated.ReadJsonAsync();
            Assert.Equal("active", body.GetProperty("status").GetString());
            Assert.NotEqual(JsonValueKind.Null, body.GetProperty("activatedAt").ValueKind);
        }

        Assert.Equal(version, await services.ActiveVersionAsync());
        Assert.Equal("superseded", await services.StatusOfAsync(old));
        var run = await services.ActivationReevaluationFinishedAsync(version);
        Assert.Null(run.Error);

        var subjectId = await services.RegisterLegalEntityAsync();
        await services.RecordEventInForceAsync(subjectId, "late-payment-1-15", DateTimeOffset.UtcNow.AddDays(-3));
        using var staff = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
        var grade = await staff.GetJsonAsync($"/api/subjects/{subjectId}/grade");
        Assert.Equal((version, 98), (grade.GetProperty("ruleVersion").GetString(), grade.GetProperty("score").GetInt32()));

        // Reproducing a grade from before the activation uses the version active then.
        var reproduced = await staff.GetJsonAsync(
            $"/api/subjects/{earlier}/grade-as-of?at={Uri.EscapeDataString(beforeActivation.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}");
        Assert.Equal(old, reproduced.GetProperty("recomputed").GetProperty("ruleVersion").GetString());
        Assert.True(reproduced.GetProperty("agrees").GetBoolean(), reproduced.ToString());

        // The version it replaced has expired: it can never come back by activation.
        using var again = await services.ActivateAsync(old);
        var problem = await Api.AssertProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal("规则版本已失效", problem.GetProperty("title").GetString());
        Assert.Equal(version, await services.ActiveVersionAsync());
    }

    [Fact]
    public async Task The_author_cannot_approve_their_own_draft_even_as_a_supervisor()
    {
        var author = RuleSetSteps.NewUser("officer-supervisor");
        var version = await services.DraftAsync(author, Roles.CreditOfficer, Roles.Supervisor);

        using var response = await services.ApproveAsync(version, author);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("起草", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var unchanged = (await services.RuleSetAsync(version)).GetProperty("summary");
        Assert.Equal("draft", unchanged.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("approvedBy").ValueKind);
    }

    [Fact]
    public async Task Activating_a_draft_is_refused_and_nothing_changes()
    {
        var active = await services.ActiveVersionAsync();
        var version = await services.DraftAsync(RuleSetSteps.NewUser("officer"));

        using var response = await services.ActivateAsync(version);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("规则版本尚未审批", problem.GetProperty("title").GetString());
        Assert.Equal("draft", await services.StatusOfAsync(version));
        Assert.Equal(active, await services.ActiveVersionAsync());
    }

    [Fact]
    public async Task A_rejected_draft_cannot_be_approved_or_activated()
    {
        var version = await services.DraftAsync(RuleSetSteps.NewUser("officer"));
        using var supervisor = services.CreateClientAs(ResourceNames.Grading, RuleSetSteps.NewUser("supervisor"), Roles.Supervisor);
        await supervisor.PostJsonAsync($"/api/rule-sets/{version}/reject", new { }, HttpStatusCode.OK);

        using var approve = await services.ApproveAsync(version, RuleSetSteps.NewUser("supervisor"));
        await Api.AssertProblemAsync(approve, HttpStatusCode.Conflict);
        using var activate = await services.ActivateAsync(version);
        await Api.AssertProblemAsync(activate, HttpStatusCode.Conflict);
        Assert.Equal("rejected", await services.StatusOfAsync(version));
    }

    [Fact]
    public async Task A_version_scheduled_for_a_later_time_becomes_active_by_itself_when_the_time_comes()
    {
        var old = await services.ActiveVersionAsync();
        var version = await services.DraftAsync(RuleSetSteps.NewUser("officer"));
        using (var approved = await services.ApproveAsync(version, RuleSetSteps.NewUser("supervisor")))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        var activateAt = DateTimeOffset.UtcNow.AddSeconds(3);
        using (var scheduled = await services.ActivateAsync(version, activateAt))
        {
            var body = await scheduled.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
            Assert.Equal("approved", body.GetProperty("status").GetString());
        }

        Assert.Equal(old, await services.ActiveVersionAsync());
        await Eventually.UntilAsync(async () => await services.StatusOfAsync(version) == "active", $"{version} to activate at {activateAt:O}");
        var activatedAt = (await services.RuleSetAsync(version)).GetProperty("summary").GetProperty("activatedAt").GetDateTimeOffset();
        Assert.True(activatedAt >= activateAt, $"Activated at {activatedAt:O}, before its time {activateAt:O}.");
        Assert.Equal("superseded", await services.StatusOfAsync(old));
        Assert.Equal("system", (await services.ActivationReevaluationFinishedAsync(version)).StartedBy);
    }

    [Fact]
    public async Task An_activation_time_in_the_past_is_refused_naming_activateAt_and_the_version_stays_approved()
    {
        var version = await services.DraftAsync(RuleSetSteps.NewUser("officer"));
        using (var approved = await services.ApproveAsync(version, RuleSetSteps.NewUser("supervisor")))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        using var response = await services.ActivateAsync(version, DateTimeOffset.UtcNow.AddDays(-1));

        await Api.AssertFieldErrorAsync(response, "activateAt");
        var summary = (await services.RuleSetAsync(version)).GetProperty("summary");
        Assert.Equal("approved", summary.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("activateAt").ValueKind);
    }

    [Fact]
    public async Task Only_the_author_edits_a_draft_and_only_while_it_is_a_draft()
    {
        var author = RuleSetSteps.NewUser("officer");
        var version = await services.DraftAsync(author);
        using var other = services.CreateClientAs(ResourceNames.Grading, RuleSetSteps.NewUser("officer"), Roles.CreditOfficer);
        using var own = services.CreateClientAs(ResourceNames.Grading, author, Roles.CreditOfficer);
        var change = new { title = "修改后的标题", eventTypes = new[] { new { code = "payment-returned", points = -4 } } };

        using (var refused = await other.PutAsJsonAsync($"/api/rule-sets/{version}", change, Api.Cancellation))
        {
            await Api.AssertProblemAsync(refused, HttpStatusCode.Forbidden);
        }

        using (var edited = await own.PutAsJsonAsync($"/api/rule-sets/{version}", change, Api.Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        }

        var stored = await services.RuleSetAsync(version);
        Assert.Equal("修改后的标题", stored.GetProperty("summary").GetProperty("title").GetString());
        Assert.Equal(-4, stored.GetProperty("definition").GetProperty("eventTypes").EnumerateArray()
            .Single(e => e.GetProperty("code").GetString() == "payment-returned").GetProperty("points").GetInt32());

        using (var approved = await services.ApproveAsync(version, RuleSetSteps.NewUser("supervisor")))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        using var late = await own.PutAsJsonAsync($"/api/rule-sets/{version}", new { title = "审批后再改" }, Api.Cancellation);
        await Api.AssertProblemAsync(late, HttpStatusCode.Conflict);
        Assert.Equal("修改后的标题", (await services.RuleSetAsync(version)).GetProperty("summary").GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("""{"blueFrom":95}""", "blueFrom")]
    [InlineData("""{"redFrom":0}""", "redFrom")]
    [InlineData("""{"eventTypes":[{"code":"late-payment-1-15","points":3}]}""", "eventTypes[0].points")]
    [InlineData("""{"eventTypes":[{"code":"auto-debit","points":-2}]}""", "eventTypes[0].points")]
    [InlineData("""{"eventTypes":[{"code":"electricity-theft","points":-50}]}""", "eventTypes[0].points")]
    [InlineData("""{"eventTypes":[{"code":"no-such-type","points":-1}]}""", "eventTypes[0].code")]
    [InlineData("""{"eventTypes":[{"code":"payment-returned","monthsInForce":0}]}""", "eventTypes[0].monthsInForce")]
    [InlineData("""{"areaCaps":{"payment":0}}""", "areaCaps.payment")]
    [InlineData("""{"areaCaps":{"weather":10}}""", "areaCaps.weather")]
    [InlineData("""{"bonusCap":0}""", "bonusCap")]
    [InlineData("""{"version":"v2"}""", "version")]
    [InlineData("""{"title":"  "}""", "title")]
    [InlineData("""{"baseVersion":"2020-nothing"}""", "baseVersion")]
    public async Task An_invalid_draft_is_refused_naming_the_field_and_nothing_is_stored(string overrides, string field)
    {
        var version = RuleSetSteps.NewVersion();
        var body = JsonNode.Parse($$"""{"version":"{{version}}","baseVersion":"{{await services.ActiveVersionAsync()}}","title":"无效草稿"}""")!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(overrides)!.AsObject().ToList())
        {
            body[name] = value?.DeepClone();
        }

        using var officer = services.CreateClientAs(ResourceNames.Grading, RuleSetSteps.NewUser("officer"), Roles.CreditOfficer);
        using var response = await officer.PostAsync("/api/rule-sets", Api.RawJson(body.ToJsonString()), Api.Cancellation);

        await Api.AssertFieldErrorAsync(response, field);
        var stored = body["version"]!.GetValue<string>();
        using var staff = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
        Assert.Equal(HttpStatusCode.NotFound, await staff.GetStatusAsync($"/api/rule-sets/{Uri.EscapeDataString(stored)}"));
    }

    [Fact]
    public async Task A_version_name_already_used_is_a_conflict()
    {
        var version = await services.DraftAsync(RuleSetSteps.NewUser("officer"));
        using var officer = services.CreateClientAs(ResourceNames.Grading, RuleSetSteps.NewUser("officer"), Roles.CreditOfficer);

        using var response = await officer.PostAsJsonAsync("/api/rule-sets", new
        {
            version,
            baseVersion = await services.ActiveVersionAsync(),
            title = "重复的版本号",
        }, Api.Cancellation);

        await Api.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.StartsWith("集成测试规则版本", (await services.RuleSetAsync(version)).GetProperty("summary").GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_credit_officers_draft_and_only_supervisors_approve()
    {
        using var clerk = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
        using var draft = await clerk.PostAsJsonAsync("/api/rule-sets", new { version = RuleSetSteps.NewVersion(), baseVersion = "x", title = "x" }, Api.Cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, draft.StatusCode);

        var version = await services.DraftAsync(RuleSetSteps.NewUser("officer"));
        using var officer = services.CreateClientAs(ResourceNames.Grading, RuleSetSteps.NewUser("officer"), Roles.CreditOfficer);
        using var approve = await officer.PostAsJsonAsync($"/api/rule-sets/{version}/approve", new { }, Api.Cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Equal("draft", await services.StatusOfAsync(version));
    }
}
