using System.Net;
using System.Text.Json;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;

namespace CreditPower.IntegrationTests.Grading.RuleSets;

/// <summary>Any past grade can be reproduced from the ledger and the rule version active then (DOMAIN.md §3).</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class GradeReproductionTests(ServicesFixture services)
{
    private static string AsOf(Guid subjectId, DateTimeOffset at) =>
        $"/api/subjects/{subjectId}/grade-as-of?at={Uri.EscapeDataString(at.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}";

    [Fact]
    public async Task A_past_grade_recomputed_from_the_ledger_equals_the_grade_stored_then()
    {
        var subjectId = await services.RegisterLegalEntityAsync();
        await services.RecordEventInForceAsync(subjectId, "late-payment-16-30", DateTimeOffset.UtcNow.AddDays(-20));
        using var staff = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
        var then = await staff.GetJsonAsync($"/api/subjects/{subjectId}/grade");
        Assert.Equal(("blue", 96), (then.GetProperty("colour").GetString(), then.GetProperty("score").GetInt32()));
        var between = DateTimeOffset.UtcNow;

        // Later events change the grade; asking for the earlier time must not see them.
        await services.RecordEventInForceAsync(subjectId, "contract-violation", DateTimeOffset.UtcNow.AddDays(-5));
        var now = await staff.GetJsonAsync($"/api/subjects/{subjectId}/grade");
        Assert.Equal(("red", 81), (now.GetProperty("colour").GetString(), now.GetProperty("score").GetInt32()));

        var past = await staff.GetJsonAsync(AsOf(subjectId, between));

        AssertGrade(past.GetProperty("recomputed"), "blue", 96);
        AssertGrade(past.GetProperty("stored"), "blue", 96);
        Assert.True(past.GetProperty("agrees").GetBoolean(), past.ToString());
        Assert.Equal(then.GetProperty("ruleVersion").GetString(), past.GetProperty("recomputed").GetProperty("ruleVersion").GetString());
        Assert.Equal(1, past.GetProperty("recomputed").GetProperty("eventsCounted").GetInt32());
        Assert.Contains(past.GetProperty("recomputed").GetProperty("reasons").EnumerateArray(),
            r => r.GetProperty("code").GetString() == "late-payment-16-30" && r.GetProperty("points").GetInt32() == -4);

        var present = await staff.GetJsonAsync(AsOf(subjectId, DateTimeOffset.UtcNow));
        AssertGrade(present.GetProperty("recomputed"), "red", 81);
        AssertGrade(present.GetProperty("stored"), "red", 81);
        Assert.True(present.GetProperty("agrees").GetBoolean(), present.ToString());
    }

    [Fact]
    public async Task The_grade_at_registration_is_the_new_subject_blue()
    {
        var subjectId = await services.RegisterLegalEntityAsync();
        var registeredAt = DateTimeOffset.UtcNow;
        await services.RecordEventInForceAsync(subjectId, "supply-suspended", DateTimeOffset.UtcNow.AddDays(-2));
        using var staff = services.CreateClient(ResourceNames.Grading, Roles.Clerk);

        var past = await staff.GetJsonAsync(AsOf(subjectId, registeredAt));

        AssertGrade(past.GetProperty("recomputed"), "blue", 100);
        AssertGrade(past.GetProperty("stored"), "blue", 100);
        Assert.True(past.GetProperty("agrees").GetBoolean());
        Assert.Equal(0, past.GetProperty("recomputed").GetProperty("eventsCounted").GetInt32());
    }

    [Fact]
    public async Task A_time_in_the_future_or_not_a_time_is_refused_naming_at()
    {
        var subjectId = await services.RegisterLegalEntityAsync();
        using var staff = services.CreateClient(ResourceNames.Grading, Roles.Clerk);

        using var future = await staff.GetAsync(AsOf(subjectId, DateTimeOffset.UtcNow.AddDays(1)), Api.Cancellation);
        await Api.AssertFieldErrorAsync(future, "at");
        using var garbage = await staff.GetAsync($"/api/subjects/{subjectId}/grade-as-of?at=yesterday", Api.Cancellation);
        await Api.AssertFieldErrorAsync(garbage, "at");
        using var missing = await staff.GetAsync($"/api/subjects/{subjectId}/grade-as-of", Api.Cancellation);
        await Api.AssertFieldErrorAsync(missing, "at");
    }

    [Fact]
    public async Task A_time_before_the_subject_existed_or_an_unknown_subject_is_not_found()
    {
        var subjectId = await services.RegisterLegalEntityAsync();
        using var staff = services.CreateClient(ResourceNames.Grading, Roles.Clerk);

        using var before = await staff.GetAsync(AsOf(subjectId, DateTimeOffset.UtcNow.AddDays(-1)), Api.Cancellation);
        var problem = await Api.AssertProblemAsync(before, HttpStatusCode.NotFound);
        Assert.Equal("该时间点尚无信用评价", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, await staff.GetStatusAsync(AsOf(Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(-1))));
    }

    private static void AssertGrade(JsonElement grade, string colour, int score) =>
        Assert.Equal((colour, score), (grade.GetProperty("colour").GetString(), grade.GetProperty("score").GetInt32()));
}
