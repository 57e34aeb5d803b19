using System.Net;
using System.Net.Http.Json;
using CreditPower.Applications.Domain;
using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace CreditPower.IntegrationTests.Applications;

/// <summary>The credit path (DOMAIN.md §7): who may take it, and the commitment letter it produces.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class CreditPathTests(ServicesFixture services) : IDisposable
{
    private readonly HttpClient _clerk = services.CreateClientAs(ResourceNames.Applications, "clerk-wang", Roles.Clerk);

    [Fact]
    public async Task A_legal_entity_on_the_credit_path_gets_a_numbered_letter_with_four_promises_pending()
    {
        var uscc = TestIdentifiers.NewUscc();

        var detail = await services.SubmitAsync(ApplicationSteps.CreditPathBody(uscc, negativeItems: ["2025年3月 淮安市生态环境局 行政处罚（一般）"]));

        Assert.True(detail.GetProperty("creditPath").GetBoolean());
        Assert.Equal("JSXY-2026-000123", detail.GetProperty("creditReport").GetProperty("number").GetString());
        var letter = detail.GetProperty("letter");
        Assert.Matches(@"^淮阴供电信诺〔\d{4}〕\d{6}号$", letter.GetProperty("number").GetString());
        Assert.Equal(JsonValueKindNull, letter.GetProperty("signedAt").ValueKind);
        var promises = letter.GetProperty("commitments").EnumerateArray().ToList();
        Assert.Equal(["propertyDocuments", "billsOnTime", "noTheft", "prepaidMeterOnBreach"], promises.Select(p => p.GetProperty("kind").GetString()));
        Assert.All(promises, p => Assert.Equal("pending", p.GetProperty("state").GetString()));
        var documentsDue = promises[0].GetProperty("deadline").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8));
        Assert.Equal(ApplicationSteps.Today.AddDays(90), DateOnly.FromDateTime(documentsDue.DateTime));
    }

    [Fact]
    public async Task The_letter_pdf_is_a4_and_its_text_names_the_subject_and_every_promise()
    {
        var uscc = TestIdentifiers.NewUscc();
        var detail = await services.SubmitSignedCreditPathAsync(uscc, "淮阴区承诺书文本测试有限公司");
        var id = detail.Id();

        using var response = await _clerk.GetAsync($"/api/applications/{id}/commitment-letter.pdf", Api.Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Api.Cancellation);

        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        Assert.Equal(595, page.Width, 0);
        Assert.Equal(842, page.Height, 0);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("信用承诺书", text, StringComparison.Ordinal);
        Assert.Contains("淮阴区承诺书文本测试有限公司", text, StringComparison.Ordinal);
        Assert.Contains(uscc, text, StringComparison.Ordinal);
        Assert.Contains("周振华", text, StringComparison.Ordinal);
        Assert.Contains(detail.GetProperty("letter").GetProperty("number").GetString()!, text, StringComparison.Ordinal);
        foreach (var promise in detail.GetProperty("letter").GetProperty("commitments").EnumerateArray())
        {
            Assert.Contains(promise.GetProperty("promise").GetString()!.Replace(" ", "", StringComparison.Ordinal), text, StringComparison.Ordinal);
        }

        Assert.Contains("签署登记", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_black_subject_is_refused_the_credit_path_and_nothing_is_taken()
    {
        var uscc = TestIdentifiers.NewUscc();
        await services.PublishGradeAsync(uscc, CreditColour.Black);

        using var response = await _clerk.PostAsJsonAsync("/api/applications", ApplicationSteps.CreditPathBody(uscc), Api.Cancellation);

        var reasons = await Api.AssertFieldErrorAsync(response, "creditPath");
        Assert.Contains(reasons, r => r.Contains("黑色", StringComparison.Ordinal));
        await AssertNothingTakenAsync(uscc);
    }

    [Fact]
    public async Task A_subject_with_a_broken_commitment_is_refused_until_grading_lifts_it_above_red()
    {
        var uscc = TestIdentifiers.NewUscc();
        var first = await services.SubmitSignedCreditPathAsync(uscc, "淮阴区违诺修复测试有限公司");
        var noTheft = first.GetProperty("letter").GetProperty("commitments").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "noTheft");
        using var inspector = services.CreateClientAs(ResourceNames.Applications, "inspector-li", Roles.Inspector);
        await inspector.PostJsonAsync($"/api/commitments/{noTheft.GetProperty("id").GetGuid()}/verification",
            new { outcome = "broken", note = "现场检查发现绕越计量装置用电" }, HttpStatusCode.OK);

        // Grading turns the breach into the black veto, and its grade comes back over the bus.
        await Eventually.UntilAsync(async () => await services.Applications.QueryAsync(db => db.Set<SubjectColour>()
            .AnyAsync(c => c.Identifier == uscc && c.Colour == CreditColour.Black, Api.Cancellation)), "Grading's black grade to reach Applications");
        using var whileBlack = await _clerk.PostAsJsonAsync("/api/applications", ApplicationSteps.CreditPathBody(uscc), Api.Cancellation);
        Assert.Contains(await Api.AssertFieldErrorAsync(whileBlack, "creditPath"), r => r.Contains("黑色", StringComparison.Ordinal));

        // Red after the veto: the broken commitment is not repaired yet.
        await services.PublishGradeAsync(uscc, CreditColour.Red, DateTimeOffset.UtcNow.AddSeconds(5));
        using var whileRed = await _clerk.PostAsJsonAsync("/api/applications", ApplicationSteps.CreditPathBody(uscc), Api.Cancellation);
        Assert.Contains(await Api.AssertFieldErrorAsync(whileRed, "creditPath"), r => r.Contains("违诺", StringComparison.Ordinal));
        Assert.Equal(1, await CountAsync(uscc));

        // Repaired in Grading (lifted to yellow): the credit path opens again.
        await services.PublishGradeAsync(uscc, CreditColour.Yellow, DateTimeOffset.UtcNow.AddSeconds(10));
        await services.SubmitAsync(ApplicationSteps.CreditPathBody(uscc));
        Assert.Equal(2, await CountAsync(uscc));
    }

    [Fact]
    public async Task An_expired_report_is_refused_naming_its_validity()
    {
        var uscc = TestIdentifiers.NewUscc();

        using var response = await _clerk.PostAsJsonAsync("/api/applications",
            ApplicationSteps.CreditPathBody(uscc, issuedOn: ApplicationSteps.Today.AddDays(-60), validUntil: ApplicationSteps.Today.AddDays(-1)), Api.Cancellation);

        var reasons = await Api.AssertFieldErrorAsync(response, "creditPath.report.validUntil");
        Assert.Contains(reasons, r => r.Contains("过期", StringComparison.Ordinal));
        await AssertNothingTakenAsync(uscc);
    }

    [Fact]
    public async Task A_report_dated_in_the_future_is_refused_naming_its_issue_date()
    {
        var uscc = TestIdentifiers.NewUscc();

        using var response = await _clerk.PostAsJsonAsync("/api/applications",
            ApplicationSteps.CreditPathBody(uscc, issuedOn: ApplicationSteps.Today.AddDays(2)), Api.Cancellation);

        var reasons = await Api.AssertFieldErrorAsync(response, "creditPath.report.issuedOn");
        Assert.Matches(@"^出具日期不能晚于今天（\d{4}-\d{2}-\d{2}），请核对信用报告上的出具日期。$", Assert.Single(reasons));
        await AssertNothingTakenAsync(uscc);
    }

    [Fact]
    public async Task A_natural_person_is_refused_the_credit_path()
    {
        var id = TestIdentifiers.NewResidentId();

        using var response = await _clerk.PostAsJsonAsync("/api/applications",
            ApplicationSteps.CreditPathBody(id, name: "王建国", kind: "naturalPerson"), Api.Cancellation);

        var reasons = await Api.AssertFieldErrorAsync(response, "creditPath");
        Assert.Contains(reasons, r => r.Contains("自然人", StringComparison.Ordinal));
        await AssertNothingTakenAsync(id);
    }

    [Fact]
    public async Task Property_proof_and_the_credit_path_together_are_refused()
    {
        var uscc = TestIdentifiers.NewUscc();

        using var response = await _clerk.PostAsync("/api/applications", Api.RawJson($$"""
            {"subjectKind":"legalEntity","identifier":"{{uscc}}","applicantName":"淮阴区双路径测试有限公司","type":"newConnection","capacityKva":100,
             "address":"淮阴区","propertyProof":{"documentType":"不动产权证书","documentNumber":"1"},
             "creditPath":{"legalRepresentative":"周振华","report":{"number":"1","issuedOn":"{{ApplicationSteps.Today:yyyy-MM-dd}}","issuer":"江苏省公共信用信息中心","validUntil":"{{ApplicationSteps.Today.AddDays(10):yyyy-MM-dd}}"} } }
            """), Api.Cancellation);

        await Api.AssertFieldErrorAsync(response, "creditPath");
        await AssertNothingTakenAsync(uscc);
    }

    [Fact]
    public async Task A_signing_is_recorded_once_with_who_and_when()
    {
        var signed = await services.SubmitSignedCreditPathAsync(TestIdentifiers.NewUscc());
        var letter = signed.GetProperty("letter");
        Assert.Equal("周振华", letter.GetProperty("signedBy").GetString());
        Assert.Equal("clerk-wang", letter.GetProperty("signingRecordedBy").GetString());
        var signedAt = letter.GetProperty("signedAt").GetDateTimeOffset();
        Assert.InRange(signedAt, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(1));

        using var again = await _clerk.PostAsJsonAsync($"/api/applications/{signed.Id()}/commitment-letter/signature", new { signedBy = "另一人" }, Api.Cancellation);

        await Api.AssertProblemAsync(again, HttpStatusCode.Conflict);
        var after = (await services.GetApplicationAsync(signed.Id())).GetProperty("letter");
        Assert.Equal("周振华", after.GetProperty("signedBy").GetString());
        Assert.Equal(signedAt, after.GetProperty("signedAt").GetDateTimeOffset());
    }

    public void Dispose() => _clerk.Dispose();

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private Task<int> CountAsync(string identifier) =>
        services.Applications.QueryAsync(db => db.Set<ConnectionApplication>().CountAsync(a => a.Identifier == identifier, Api.Cancellation));

    private async Task AssertNothingTakenAsync(string identifier)
    {
        Assert.Equal(0, await CountAsync(identifier));
        Assert.Equal(0, await services.Applications.QueryAsync(db =>
            db.Set<CommitmentLetter>().CountAsync(l => l.Identifier == identifier, Api.Cancellation)));
    }
}
