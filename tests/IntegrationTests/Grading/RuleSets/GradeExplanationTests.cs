using System.Net;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;

namespace CreditPower.IntegrationTests.Grading.RuleSets;

/// <summary>Every grade is explained: each reason and its points for staff, plain Chinese for the customer.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class GradeExplanationTests(ServicesFixture services)
{
    [Fact]
    public async Task The_explanation_lists_each_reason_with_its_event_and_says_it_plainly_for_the_customer()
    {
        var subjectId = await services.RegisterLegalEntityAsync();
        var occurredAt = DateTimeOffset.UtcNow.AddDays(-10);
        await services.RecordEventInForceAsync(subjectId, "late-payment-16-30", occurredAt);
        await services.RecordEventInForceAsync(subjectId, "contract-violation", occurredAt.AddDays(2));
        using var staff = services.CreateClient(ResourceNames.Grading, Roles.Clerk);

        var explanation = await staff.GetJsonAsync($"/api/subjects/{subjectId}/explanation");

        Assert.Equal(("red", 81, "红色"), (
            explanation.GetProperty("colour").GetString(), explanation.GetProperty("score").GetInt32(), explanation.GetProperty("colourName").GetString()));
        var reasons = explanation.GetProperty("reasons").EnumerateArray().ToList();
        var late = Assert.Single(reasons, r => r.GetProperty("code").GetString() == "late-payment-16-30");
        Assert.Equal(("deduction", -4), (late.GetProperty("kind").GetString(), late.GetProperty("points").GetInt32()));
        Assert.Equal(occurredAt.ToUnixTimeSeconds(), late.GetProperty("occurredAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(occurredAt.AddMonths(12).ToUnixTimeSeconds(), late.GetProperty("expiresAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Contains(reasons, r => r.GetProperty("kind").GetString() == "redCondition");

        var summary = explanation.GetProperty("customerSummary").GetString()!;
        Assert.StartsWith("您目前的信用等级为红色（81 分）。主要原因：1. ", summary, StringComparison.Ordinal);
        Assert.Contains("违约用电（扣 15 分，", summary, StringComparison.Ordinal);
        Assert.Contains("电费逾期 16–30 天缴清（扣 4 分，", summary, StringComparison.Ordinal);
        Assert.Contains("信用等级评为红色", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("late-payment", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subject_without_records_is_told_so_and_why_it_is_blue()
    {
        var subjectId = await services.RegisterLegalEntityAsync();
        using var staff = services.CreateClient(ResourceNames.Grading, Roles.Clerk);

        var explanation = await staff.GetJsonAsync($"/api/subjects/{subjectId}/explanation");

        var summary = explanation.GetProperty("customerSummary").GetString()!;
        Assert.StartsWith("您目前的信用等级为蓝色（100 分）。您目前没有在有效期内的不良信用记录。", summary, StringComparison.Ordinal);
        Assert.Contains("信用记录不足 12 个月", summary, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, await staff.GetStatusAsync($"/api/subjects/{Guid.NewGuid()}/explanation"));
    }
}
