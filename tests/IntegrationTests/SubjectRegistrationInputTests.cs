using System.Net;
using CreditPower.Grading.Domain;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.IntegrationTests;

/// <summary>
/// Grading POST /api/subjects: bad input gets a problem-details answer naming the field and the reason, and
/// changes nothing (ARCHITECTURE.md "Security"); a subject is registered once.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class SubjectRegistrationInputTests(ServicesFixture services) : IDisposable
{
    private readonly HttpClient _clerk = services.CreateClient(ResourceNames.Grading, Roles.Clerk);

    [Theory]
    [InlineData("an unknown field", """{"kind":"legalEntity","identifier":"{uscc}","name":"淮阴区恒通机械制造有限公司","nickname":"恒通"}""", "nickname")]
    [InlineData("a missing required field", """{"kind":"legalEntity","identifier":"{uscc}"}""", "name")]
    [InlineData("an enum value that does not exist", """{"kind":"company","identifier":"{uscc}","name":"淮阴区恒通机械制造有限公司"}""", "kind")]
    [InlineData("an enum given as a number", """{"kind":1,"identifier":"{uscc}","name":"淮阴区恒通机械制造有限公司"}""", "kind")]
    [InlineData("a field of the wrong type", """{"kind":"legalEntity","identifier":"{uscc}","name":"淮阴区恒通机械制造有限公司","accounts":"3212345678"}""", "accounts")]
    [InlineData("malformed JSON", """{"kind":"legalEntity","identifier":"{uscc}","name":"淮阴区恒通机械制造有限公司",""", "$")]
    [InlineData("a blank name", """{"kind":"legalEntity","identifier":"{uscc}","name":"   "}""", "name")]
    [InlineData("an account number that is not 10-13 digits", """{"kind":"legalEntity","identifier":"{uscc}","name":"淮阴区恒通机械制造有限公司","accounts":["32-1"]}""", "accounts")]
    public async Task Bad_registration_answers_400_naming_the_field_and_stores_nothing(string why, string body, string field)
    {
        var uscc = TestIdentifiers.NewUscc();

        using var response = await _clerk.PostAsync("/api/subjects", Api.RawJson(body.Replace("{uscc}", uscc, StringComparison.Ordinal)), Api.Cancellation);

        await Api.AssertBadInputAsync(response, field, why);
        await AssertNotRegisteredAsync(uscc);
    }

    [Fact]
    public async Task A_uscc_of_the_wrong_length_answers_400_naming_the_identifier()
    {
        var tooShort = TestIdentifiers.NewUscc()[..17];

        using var response = await RegisterAsync("legalEntity", tooShort);

        var reasons = await Api.AssertFieldErrorAsync(response, "identifier");
        Assert.Contains(reasons, r => r.Contains("18 位", StringComparison.Ordinal) && r.Contains("17 位", StringComparison.Ordinal));
        await AssertNotRegisteredAsync(tooShort);
    }

    [Fact]
    public async Task A_uscc_with_a_wrong_check_character_answers_400_saying_which_character_was_expected()
    {
        var uscc = TestIdentifiers.NewUscc();
        var wrong = Identifiers.WithWrongCheckCharacter(uscc);

        using var response = await RegisterAsync("legalEntity", wrong);

        var reasons = await Api.AssertFieldErrorAsync(response, "identifier");
        Assert.Contains(reasons, r => r.Contains($"应为“{uscc[^1]}”", StringComparison.Ordinal) && r.Contains($"实际为“{wrong[^1]}”", StringComparison.Ordinal));
        await AssertNotRegisteredAsync(wrong);
        await AssertNotRegisteredAsync(uscc);
    }

    [Fact]
    public async Task A_resident_id_with_an_impossible_birth_date_answers_400_naming_the_identifier()
    {
        var id = Identifiers.ResidentIdBornOn("19901345");

        using var response = await RegisterAsync("naturalPerson", id);

        var reasons = await Api.AssertFieldErrorAsync(response, "identifier");
        Assert.Contains(reasons, r => r.Contains("19901345", StringComparison.Ordinal));
        await AssertNotRegisteredAsync(id);
    }

    [Fact]
    public async Task A_body_over_256_KB_answers_413_problem_details_and_stores_nothing()
    {
        var uscc = TestIdentifiers.NewUscc();

        using var response = await _clerk.PostAsync("/api/subjects",
            Api.RawJson($$"""{"kind":"legalEntity","identifier":"{{uscc}}","name":"{{Api.OversizedText()}}"}"""), Api.Cancellation);

        await Api.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertNotRegisteredAsync(uscc);
    }

    [Fact]
    public async Task Registering_the_same_uscc_again_answers_409_and_keeps_the_first_subject()
    {
        var uscc = TestIdentifiers.NewUscc();
        using var first = await RegisterAsync("legalEntity", uscc, "淮阴区第一次登记有限公司");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        // Typed the way a clerk might: lower case, with spaces; it is still the same code.
        using var again = await RegisterAsync("legalEntity", $"  {uscc.ToLowerInvariant()} ", "淮阴区重复登记有限公司");

        await Api.AssertProblemAsync(again, HttpStatusCode.Conflict);
        var lookup = await _clerk.GetJsonAsync($"/api/grades/lookup?identifier={uscc}");
        Assert.Equal("淮阴区第一次登记有限公司", lookup.GetProperty("name").GetString());
        Assert.Equal(1, await services.Grading.QueryAsync(db => db.Set<Subject>().CountAsync(s => s.Identifier == uscc, Api.Cancellation)));
    }

    [Fact]
    public async Task Two_simultaneous_registrations_of_one_uscc_give_one_201_and_one_409()
    {
        var uscc = TestIdentifiers.NewUscc();

        // Both may pass the existence check; the unique index then refuses the second, which must be 409, never 500.
        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => RegisterAsync("legalEntity", uscc, $"淮阴区并发登记{i}有限公司")));
        try
        {
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            Assert.Equal(1, await services.Grading.QueryAsync(db => db.Set<Subject>().CountAsync(s => s.Identifier == uscc, Api.Cancellation)));
        }
        finally
        {
            Array.ForEach(responses, r => r.Dispose());
        }
    }

    public void Dispose() => _clerk.Dispose();

    private Task<HttpResponseMessage> RegisterAsync(string kind, string identifier, string name = "淮阴区恒通机械制造有限公司") =>
        _clerk.PostAsync("/api/subjects", Api.RawJson($$"""{"kind":"{{kind}}","identifier":"{{identifier}}","name":"{{name}}"}"""), Api.Cancellation);

    private async Task AssertNotRegisteredAsync(string identifier)
    {
        Assert.Equal(HttpStatusCode.NotFound, await _clerk.GetStatusAsync($"/api/grades/lookup?identifier={Uri.EscapeDataString(identifier)}"));
        var normalized = identifier.Trim().ToUpperInvariant();
        Assert.Equal(0, await services.Grading.QueryAsync(db => db.Set<Subject>().CountAsync(s => s.Identifier == normalized, Api.Cancellation)));
    }
}
