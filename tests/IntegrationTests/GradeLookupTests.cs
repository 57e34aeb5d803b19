using System.Net;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;

namespace CreditPower.IntegrationTests;

/// <summary>The look-up's database read on a cache miss (a prepared statement, no EF): what it answers and what it refuses.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class GradeLookupTests(ServicesFixture services)
{
    [Fact]
    public async Task A_natural_person_found_by_account_number_comes_with_the_resident_id_masked()
    {
        using var clerk = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
        var residentId = TestIdentifiers.NewResidentId();
        var account = TestIdentifiers.NewAccountNumber();
        var subject = await clerk.PostJsonAsync("/api/subjects",
            new { kind = "naturalPerson", identifier = residentId, name = "户号查询测试", accounts = new[] { account } }, HttpStatusCode.Created);

        // Twice: the first answer is read from PostgreSQL, the second from Redis; both the same.
        var first = await clerk.GetJsonAsync($"/api/grades/lookup?account={account}");
        var second = await clerk.GetJsonAsync($"/api/grades/lookup?account={account}");

        Assert.Equal(subject.GetProperty("id").GetGuid(), first.GetProperty("subjectId").GetGuid());
        Assert.Equal("naturalPerson", first.GetProperty("kind").GetString());
        Assert.Equal($"{residentId[..4]}**********{residentId[^4..]}", first.GetProperty("identifier").GetString());
        Assert.DoesNotContain(residentId, first.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(("户号查询测试", "blue", 100), (first.GetProperty("name").GetString(), first.GetProperty("colour").GetString(), first.GetProperty("score").GetInt32()));
        Assert.False(string.IsNullOrEmpty(first.GetProperty("ruleVersion").GetString()));
        Assert.Equal(first.GetRawText(), second.GetRawText());
    }

    [Fact]
    public async Task A_legal_entity_is_found_by_its_uscc_written_in_lower_case_with_spaces()
    {
        using var clerk = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
        var uscc = TestIdentifiers.NewUscc();
        await services.RegisterLegalEntityAsync(uscc, "淮阴区代码查询测试有限公司");

        var grade = await clerk.GetJsonAsync($"/api/grades/lookup?identifier={Uri.EscapeDataString($" {uscc.ToLowerInvariant()} ")}");

        Assert.Equal((uscc, "淮阴区代码查询测试有限公司"), (grade.GetProperty("identifier").GetString(), grade.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task An_unknown_account_is_404_and_leaves_nothing_in_the_cache()
    {
        using var clerk = services.CreateClient(ResourceNames.Grading, Roles.Clerk);
        var account = TestIdentifiers.NewAccountNumber();

        Assert.Equal(HttpStatusCode.NotFound, await clerk.GetStatusAsync($"/api/grades/lookup?account={account}"));
        Assert.False(await services.Redis.KeyExistsAsync($"grading:grade:account:{account}"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?identifier=91320000MA1X00000X&account=3200000000001")]
    public async Task Neither_or_both_of_identifier_and_account_is_a_problem_naming_identifier(string query)
    {
        using var clerk = services.CreateClient(ResourceNames.Grading, Roles.Clerk);

        using var response = await clerk.GetAsync($"/api/grades/lookup{query}", Api.Cancellation);

        var reasons = await Api.AssertFieldErrorAsync(response, "identifier");
        Assert.Contains(reasons, r => r.Contains("户号", StringComparison.Ordinal));
    }
}
