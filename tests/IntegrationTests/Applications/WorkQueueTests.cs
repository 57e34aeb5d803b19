using CreditPower.Applications.Domain;
using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.IntegrationTests.Applications;

/// <summary>Work queues (DOMAIN.md §7): green channel first, then by submission time; re-routed at once by a grade change.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class WorkQueueTests(ServicesFixture services) : IDisposable
{
    private readonly HttpClient _inspector = services.CreateClient(ResourceNames.Applications, Roles.Inspector);

    [Fact]
    public async Task The_queue_lists_green_channel_applications_first_then_by_submission_time()
    {
        string[] uscc = [TestIdentifiers.NewUscc(), TestIdentifiers.NewUscc(), TestIdentifiers.NewUscc()];
        await services.PublishGradeAsync(uscc[1], CreditColour.Green);
        var first = (await services.SubmitAsync(ApplicationSteps.PropertyProofBody(uscc[0], "淮阴区排队一号有限公司"))).Id();
        var second = (await services.SubmitAsync(ApplicationSteps.PropertyProofBody(uscc[1], "淮阴区排队二号有限公司"))).Id();
        var third = (await services.SubmitAsync(ApplicationSteps.PropertyProofBody(uscc[2], "淮阴区排队三号有限公司"))).Id();

        Assert.Equal([second, first, third], await OrderInQueueAsync(first, second, third));
        var queue = await _inspector.GetJsonAsync("/api/applications");
        var entries = queue.EnumerateArray().ToList();
        var lastGreen = entries.FindLastIndex(a => a.GetProperty("greenChannel").GetBoolean());
        var firstOther = entries.FindIndex(a => !a.GetProperty("greenChannel").GetBoolean());
        Assert.True(firstOther == -1 || lastGreen < firstOther, "Every green-channel application comes before every other one.");
        var times = entries.Where(a => !a.GetProperty("greenChannel").GetBoolean()).Select(a => a.GetProperty("submittedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public async Task A_grade_change_over_the_bus_moves_open_applications_in_and_out_of_the_green_channel_with_its_time_limit()
    {
        var early = TestIdentifiers.NewUscc();
        var late = TestIdentifiers.NewUscc();
        var first = (await services.SubmitAsync(ApplicationSteps.PropertyProofBody(early, "淮阴区改道一号有限公司"))).Id();
        var second = (await services.SubmitAsync(ApplicationSteps.PropertyProofBody(late, "淮阴区改道二号有限公司"))).Id();
        Assert.Equal([first, second], await OrderInQueueAsync(first, second));
        var normalDue = (await services.GetApplicationAsync(second)).GetProperty("stageDueAt").GetDateTimeOffset();

        // The later applicant is graded blue: an honest customer, whose application overtakes the earlier one at once.
        await services.PublishGradeAsync(late, CreditColour.Blue);
        Assert.Equal([second, first], await OrderInQueueAsync(first, second));
        var green = await services.GetApplicationAsync(second);
        Assert.True(green.GetProperty("greenChannel").GetBoolean());
        Assert.True(green.GetProperty("stageDueAt").GetDateTimeOffset() < normalDue, "The green channel's acceptance limit (8 hours) is shorter than a working day.");

        // Downgraded to red: it leaves the channel and falls back behind the earlier application.
        await services.PublishGradeAsync(late, CreditColour.Red);
        Assert.Equal([first, second], await OrderInQueueAsync(first, second));
        var red = await services.GetApplicationAsync(second);
        Assert.False(red.GetProperty("greenChannel").GetBoolean());
        Assert.Equal(normalDue, red.GetProperty("stageDueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_stage_past_its_due_time_is_flagged_overdue_and_the_overdue_filter_lists_it()
    {
        var uscc = TestIdentifiers.NewUscc();
        var id = (await services.SubmitAsync(ApplicationSteps.PropertyProofBody(uscc, "淮阴区超期测试有限公司"))).Id();
        var fresh = await _inspector.GetJsonAsync($"/api/applications?identifier={uscc}");
        Assert.False(fresh[0].GetProperty("overdue").GetBoolean());
        Assert.DoesNotContain(await IdsAsync("/api/applications?overdue=true"), x => x == id);

        // Time passes: the stage's due time is now behind the service's clock.
        await services.Applications.QueryAsync(db => db.Set<ConnectionApplication>().Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.StageDueAt, DateTimeOffset.UtcNow.AddMinutes(-1)), Api.Cancellation));

        var late = await _inspector.GetJsonAsync($"/api/applications?identifier={uscc}");
        Assert.True(late[0].GetProperty("overdue").GetBoolean());
        Assert.Contains(await IdsAsync("/api/applications?overdue=true&stage=accepted"), x => x == id);
        Assert.DoesNotContain(await IdsAsync("/api/applications?overdue=false"), x => x == id);
        Assert.DoesNotContain(await IdsAsync("/api/applications?stage=siteSurvey"), x => x == id);
    }

    [Fact]
    public async Task An_unknown_stage_filter_answers_400_naming_the_stage()
    {
        using var response = await _inspector.GetAsync("/api/applications?stage=demolition", Api.Cancellation);

        var reasons = await Api.AssertFieldErrorAsync(response, "stage");
        Assert.Contains(reasons, r => r.Contains("demolition", StringComparison.Ordinal));
    }

    public void Dispose() => _inspector.Dispose();

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    public async Task A_page_out_of_range_answers_400_naming_the_parameter(string query, string field)
    {
        using var response = await _inspector.GetAsync($"/api/applications?{query}", Api.Cancellation);
        await Api.AssertFieldErrorAsync(response, field);
    }

    private async Task<List<Guid>> IdsAsync(string path) =>
        [.. (await _inspector.GetJsonAsync(path)).EnumerateArray().Select(a => a.GetProperty("id").GetGuid())];

    /// <summary>Where the given applications stand relative to each other in the whole queue.</summary>
    private async Task<List<Guid>> OrderInQueueAsync(params Guid[] ids)
    {
        // Other tests' applications share the queue: walk its pages, in order, until every one is seen.
        var mine = new List<Guid>();
        for (var page = 1; mine.Count < ids.Length; page++)
        {
            var queue = await IdsAsync($"/api/applications?page={page}&pageSize=500");
            if (queue.Count == 0)
            {
                break;
            }

            mine.AddRange(queue.Where(ids.Contains));
        }

        Assert.Equal(ids.Length, mine.Count);
        return mine;
    }
}
