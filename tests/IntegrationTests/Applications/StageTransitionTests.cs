using System.Net;
using System.Text.Json;
using CreditPower.Applications.Domain;
using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults.Dates;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreditPower.IntegrationTests.Applications;

/// <summary>Stages move strictly in order, each by its role; every move is a timeline line and an outbox message.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class StageTransitionTests(ServicesFixture services)
{
    private static readonly (string Stage, string User, string Role)[] _walk =
    [
        ("siteSurvey", "clerk-wang", Roles.Clerk),
        ("supplyPlan", "inspector-li", Roles.Inspector),
        ("designReview", "supervisor-zhao", Roles.Supervisor),
        ("midConstructionCheck", "supervisor-zhao", Roles.Supervisor),
        ("completionAcceptance", "inspector-li", Roles.Inspector),
        ("meteringAndConnection", "inspector-li", Roles.Inspector),
        ("completed", "inspector-li", Roles.Inspector),
    ];

    [Fact]
    public async Task Each_stage_moved_by_its_role_lands_on_the_timeline_and_is_announced_through_the_outbox()
    {
        var uscc = TestIdentifiers.NewUscc();
        var id = (await services.SubmitAsync(ApplicationSteps.PropertyProofBody(uscc, "淮阴区全流程测试有限公司"))).Id();

        foreach (var (stage, user, role) in _walk)
        {
            using var response = await services.AdvanceAsync(id, stage, user, role);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} → {stage}: {await response.Content.ReadAsStringAsync(Api.Cancellation)}");
        }

        var detail = await services.GetApplicationAsync(id);
        Assert.Equal("completed", detail.GetProperty("stage").GetString());
        var timeline = detail.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["受理", "现场勘查", "答复供电方案", "设计审查", "中间检查", "竣工检验", "装表接电", "已完成"],
            timeline.Select(e => e.GetProperty("stageName").GetString()));
        Assert.Equal("营业厅受理员", timeline[0].GetProperty("enteredAs").GetString());
        Assert.Equal("clerk-wang", timeline[1].GetProperty("enteredBy").GetString());
        Assert.Equal("用电检查员", timeline[2].GetProperty("enteredAs").GetString());
        Assert.Equal("班长/主管", timeline[3].GetProperty("enteredAs").GetString());
        Assert.Equal(JsonValueKind.Null, timeline[^1].GetProperty("dueAt").ValueKind);

        var announced = await StageMessagesAsync(id);
        Assert.Equal([null, "accepted", "site-survey", "supply-plan", "design-review", "mid-construction-check", "completion-acceptance", "metering-and-connection"],
            announced.Select(m => m.GetProperty("fromStage").GetString()));
        Assert.Equal("答复供电方案", announced[2].GetProperty("toStageName").GetString());
        Assert.All(announced, m => Assert.Equal("淮阴区全流程测试有限公司", m.GetProperty("applicantName").GetString()));
        Assert.Single(await services.Applications.OutboxAsync<ApplicationSubmitted>("applicationId", id));

        // Each stage's limit (受理 1, 勘查 2, 方案 10, 设计审查 5, 中间检查 3, 竣工检验 5, 装表接电 5 working days) ends at the
        // end of that working day after the Beijing day the stage was entered. Applications runs on the real clock, so
        // the dates are counted by hand from it, over the run's two test holidays just ahead of today; a service counting
        // plain Monday to Friday would answer earlier dates.
        var calendar = services.Applications.Services.GetRequiredService<WorkingDayCalendar>();
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 1)), "Applications counts on the shipped holiday notices.");
        var limits = timeline[..^1].Zip([1, 2, 10, 5, 3, 5, 5],
            (e, days) => (EnteredAt: e.GetProperty("enteredAt").GetDateTimeOffset(), Days: days, DueAt: e.GetProperty("dueAt").GetDateTimeOffset())).ToList();
        Assert.Equal(limits.Select(l => TestHolidays.DeadlineAfter(services.Applications, l.EnteredAt, l.Days)), limits.Select(l => l.DueAt));
        Assert.All(limits, l => Assert.NotEqual(TestHolidays.WeekdayDeadlineAfter(l.EnteredAt, l.Days), l.DueAt));
    }

    [Theory]
    [InlineData("supplyPlan", "跳过")]
    [InlineData("accepted", "重复")]
    [InlineData("completed", "跳到结束")]
    public async Task A_move_out_of_order_answers_409_naming_the_stage_and_changes_nothing(string toStage, string why)
    {
        var id = (await services.SubmitAsync(ApplicationSteps.PropertyProofBody(TestIdentifiers.NewUscc()))).Id();

        using var response = await services.AdvanceAsync(id, toStage, "supervisor-zhao", Roles.Supervisor);

        var (problem, _) = await Api.AssertFieldProblemAsync(response, HttpStatusCode.Conflict, "toStage");
        Assert.True(problem.GetProperty("detail").GetString()!.Contains("受理", StringComparison.Ordinal), $"{why}: {problem}");
        await AssertUnchangedAsync(id);
    }

    [Theory]
    [InlineData(Roles.Inspector)]
    [InlineData(Roles.Supervisor)]
    public async Task A_stage_completed_by_the_wrong_role_answers_403_saying_who_may_and_changes_nothing(string role)
    {
        var id = (await services.SubmitAsync(ApplicationSteps.PropertyProofBody(TestIdentifiers.NewUscc()))).Id();

        using var response = await services.AdvanceAsync(id, "siteSurvey", "someone", role);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("营业厅受理员", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertUnchangedAsync(id);
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.CreditOfficer)]
    public async Task Roles_that_complete_no_stage_are_refused_at_the_gate(string role)
    {
        var id = (await services.SubmitAsync(ApplicationSteps.PropertyProofBody(TestIdentifiers.NewUscc()))).Id();

        using var response = await services.AdvanceAsync(id, "siteSurvey", "someone", role);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertUnchangedAsync(id);
    }

    [Fact]
    public async Task A_credit_path_application_cannot_leave_acceptance_before_its_letter_is_signed()
    {
        var id = (await services.SubmitAsync(ApplicationSteps.CreditPathBody(TestIdentifiers.NewUscc()))).Id();

        using var response = await services.AdvanceAsync(id, "siteSurvey", "clerk-wang", Roles.Clerk);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("签署", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertUnchangedAsync(id);
    }

    private async Task AssertUnchangedAsync(Guid id)
    {
        var detail = await services.GetApplicationAsync(id);
        Assert.Equal("accepted", detail.GetProperty("stage").GetString());
        Assert.Equal(1, detail.GetProperty("timeline").GetArrayLength());
        Assert.Equal(1, await services.Applications.QueryAsync(db =>
            db.Set<StageEntry>().CountAsync(e => e.ApplicationId == id, Api.Cancellation)));
        Assert.Single(await StageMessagesAsync(id));
    }

    private async Task<List<JsonElement>> StageMessagesAsync(Guid id) =>
        [.. (await services.Applications.OutboxAsync<ApplicationStageChanged>("applicationId", id)).OrderBy(m => m.GetProperty("changedAt").GetDateTimeOffset())];
}
