using System.Net;
using CreditPower.Applications.Domain;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.IntegrationTests;

/// <summary>Applications POST /api/applications: bad input is refused with the field and the reason, and nothing is queued.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class ApplicationInputTests(ServicesFixture services) : IDisposable
{
    private readonly HttpClient _clerk = services.CreateClient(ResourceNames.Applications, Roles.Clerk);

    [Theory]
    [InlineData("an unknown field", """{"subjectKind":"legalEntity","identifier":"{uscc}","applicantName":"淮阴区恒通机械制造有限公司","type":"newConnection","capacityKva":630,"address":"淮安市淮阴区长江东路 1 号","propertyProof":{"documentType":"不动产权证书","documentNumber":"001"},"priority":1}""", "priority")]
    [InlineData("a missing required field", """{"subjectKind":"legalEntity","identifier":"{uscc}","type":"newConnection"}""", "applicantName")]
    [InlineData("an application type that does not exist", """{"subjectKind":"legalEntity","identifier":"{uscc}","applicantName":"淮阴区恒通机械制造有限公司","type":"demolition","capacityKva":630,"address":"淮安市淮阴区长江东路 1 号","propertyProof":{"documentType":"不动产权证书","documentNumber":"001"}}""", "type")]
    [InlineData("a subject kind that does not exist", """{"subjectKind":"company","identifier":"{uscc}","applicantName":"淮阴区恒通机械制造有限公司","type":"newConnection","capacityKva":630,"address":"淮安市淮阴区长江东路 1 号","propertyProof":{"documentType":"不动产权证书","documentNumber":"001"}}""", "subjectKind")]
    [InlineData("malformed JSON", """{"subjectKind":"legalEntity","identifier":"{uscc}","applicantName":"淮阴区恒通机械制造有限公司","type":""", "$")]
    [InlineData("a blank applicant name", """{"subjectKind":"legalEntity","identifier":"{uscc}","applicantName":" ","type":"newConnection","capacityKva":630,"address":"淮安市淮阴区长江东路 1 号","propertyProof":{"documentType":"不动产权证书","documentNumber":"001"}}""", "applicantName")]
    [InlineData("a capacity of zero", """{"subjectKind":"legalEntity","identifier":"{uscc}","applicantName":"淮阴区恒通机械制造有限公司","type":"newConnection","capacityKva":0,"address":"淮安市淮阴区长江东路 1 号","propertyProof":{"documentType":"不动产权证书","documentNumber":"001"}}""", "capacityKva")]
    [InlineData("a blank address", """{"subjectKind":"legalEntity","identifier":"{uscc}","applicantName":"淮阴区恒通机械制造有限公司","type":"newConnection","capacityKva":630,"address":"  ","propertyProof":{"documentType":"不动产权证书","documentNumber":"001"}}""", "address")]
    [InlineData("neither property proof nor the credit path", """{"subjectKind":"legalEntity","identifier":"{uscc}","applicantName":"淮阴区恒通机械制造有限公司","type":"newConnection","capacityKva":630,"address":"淮安市淮阴区长江东路 1 号"}""", "propertyProof")]
    [InlineData("a property proof without its number", """{"subjectKind":"legalEntity","identifier":"{uscc}","applicantName":"淮阴区恒通机械制造有限公司","type":"newConnection","capacityKva":630,"address":"淮安市淮阴区长江东路 1 号","propertyProof":{"documentType":"不动产权证书","documentNumber":""}}""", "propertyProof.documentNumber")]
    public async Task Bad_application_answers_400_naming_the_field_and_queues_nothing(string why, string body, string field)
    {
        var uscc = TestIdentifiers.NewUscc();

        using var response = await _clerk.PostAsync("/api/applications", Api.RawJson(body.Replace("{uscc}", uscc, StringComparison.Ordinal)), Api.Cancellation);

        await Api.AssertBadInputAsync(response, field, why);
        await AssertNothingQueuedAsync(uscc);
    }

    [Fact]
    public async Task A_uscc_of_the_wrong_length_answers_400_naming_the_identifier()
    {
        var tooLong = TestIdentifiers.NewUscc() + "1";

        using var response = await SubmitAsync("legalEntity", tooLong);

        var reasons = await Api.AssertFieldErrorAsync(response, "identifier");
        Assert.Contains(reasons, r => r.Contains("19 位", StringComparison.Ordinal));
        await AssertNothingQueuedAsync(tooLong);
    }

    [Fact]
    public async Task A_uscc_with_a_wrong_check_character_answers_400_saying_which_character_was_expected()
    {
        var uscc = TestIdentifiers.NewUscc();
        var wrong = Identifiers.WithWrongCheckCharacter(uscc);

        using var response = await SubmitAsync("legalEntity", wrong);

        var reasons = await Api.AssertFieldErrorAsync(response, "identifier");
        Assert.Contains(reasons, r => r.Contains($"应为“{uscc[^1]}”", StringComparison.Ordinal));
        await AssertNothingQueuedAsync(wrong);
    }

    [Fact]
    public async Task A_resident_id_with_an_impossible_birth_date_answers_400_naming_the_identifier()
    {
        var id = Identifiers.ResidentIdBornOn("20010229");

        using var response = await SubmitAsync("naturalPerson", id);

        var reasons = await Api.AssertFieldErrorAsync(response, "identifier");
        Assert.Contains(reasons, r => r.Contains("20010229", StringComparison.Ordinal));
        await AssertNothingQueuedAsync(id);
    }

    [Fact]
    public async Task A_body_over_256_KB_answers_413_problem_details_and_queues_nothing()
    {
        var uscc = TestIdentifiers.NewUscc();

        using var response = await _clerk.PostAsync("/api/applications",
            Api.RawJson($$"""{"subjectKind":"legalEntity","identifier":"{{uscc}}","applicantName":"{{Api.OversizedText()}}","type":"newConnection","capacityKva":630,"address":"淮安市淮阴区长江东路 1 号","propertyProof":{"documentType":"不动产权证书","documentNumber":"001"} }"""),
            Api.Cancellation);

        await Api.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertNothingQueuedAsync(uscc);
    }

    public void Dispose() => _clerk.Dispose();

    private Task<HttpResponseMessage> SubmitAsync(string kind, string identifier) =>
        _clerk.PostAsync("/api/applications",
            Api.RawJson($$"""{"subjectKind":"{{kind}}","identifier":"{{identifier}}","applicantName":"淮阴区恒通机械制造有限公司","type":"capacityIncrease","capacityKva":630,"address":"淮安市淮阴区长江东路 1 号","propertyProof":{"documentType":"不动产权证书","documentNumber":"001"} }"""),
            Api.Cancellation);

    private async Task AssertNothingQueuedAsync(string identifier)
    {
        var queue = await _clerk.GetJsonAsync($"/api/applications?identifier={Uri.EscapeDataString(identifier)}");
        Assert.Equal(0, queue.GetArrayLength());
        Assert.Equal(0, await services.Applications.QueryAsync(db =>
            db.Set<ConnectionApplication>().CountAsync(a => a.Identifier == identifier, Api.Cancellation)));
    }
}
