using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreditPower.Applications.Domain;
using CreditPower.Contracts;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.IntegrationTests.Applications;

/// <summary>The commitment ledger: promises verified kept or broken by staff, announced through the outbox to Grading.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class CommitmentLedgerTests(ServicesFixture services) : IDisposable
{
    private readonly HttpClient _officer = services.CreateClientAs(ResourceNames.Applications, "officer-chen", Roles.CreditOfficer);

    [Fact]
    public async Task A_commitment_verified_broken_turns_the_subject_black_in_grading()
    {
        var uscc = TestIdentifiers.NewUscc();
        var subjectId = await services.RegisterLegalEntityAsync(uscc, "淮阴区违诺黑名单测试有限公司");
        var signed = await services.SubmitSignedCreditPathAsync(uscc, "淮阴区违诺黑名单测试有限公司", registerInGrading: false);
        var bills = Promise(signed, "billsOnTime");

        var verified = await _officer.PostJsonAsync($"/api/commitments/{bills}/verification",
            new { outcome = "broken", note = "连续三个月未缴电费，催缴无果" }, HttpStatusCode.OK);

        Assert.Equal("broken", verified.GetProperty("state").GetString());
        Assert.Equal("officer-chen", verified.GetProperty("verifiedBy").GetString());
        using var grading = services.CreateClient(ResourceNames.Grading, Roles.CreditOfficer);
        var grade = await Eventually.GetAsync(() => grading.GetJsonAsync($"/api/subjects/{subjectId}/grade"),
            g => g.GetProperty("colour").GetString() == "black", "Grading to turn the subject black");
        Assert.Contains(grade.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "commitment-broken");
        var broken = await services.Applications.OutboxAsync<CommitmentBroken>("commitmentId", bills);
        var message = Assert.Single(broken);
        Assert.Equal(uscc, message.GetProperty("identifier").GetString());
        Assert.Equal(signed.Id(), message.GetProperty("applicationId").GetGuid());
        Assert.Contains("电费", message.GetProperty("promise").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commitment_verified_kept_is_announced_once_and_cannot_be_verified_again()
    {
        var signed = await services.SubmitSignedCreditPathAsync(TestIdentifiers.NewUscc());
        var documents = Promise(signed, "propertyDocuments");

        var kept = await _officer.PostJsonAsync($"/api/commitments/{documents}/verification",
            new { outcome = "kept", note = "已提交不动产权证书原件，核对无误" }, HttpStatusCode.OK);
        Assert.Equal("kept", kept.GetProperty("state").GetString());

        using var inspector = services.CreateClientAs(ResourceNames.Applications, "inspector-li", Roles.Inspector);
        using var again = await inspector.PostAsJsonAsync($"/api/commitments/{documents}/verification",
            new { outcome = "broken", note = "重复核查" }, Api.Cancellation);

        var problem = await Api.AssertProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Contains("officer-chen", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(await services.Applications.OutboxAsync<CommitmentKept>("commitmentId", documents));
        Assert.Empty(await services.Applications.OutboxAsync<CommitmentBroken>("commitmentId", documents));
        Assert.Equal(CommitmentState.Kept, await StateAsync(documents));
    }

    [Fact]
    public async Task Property_documents_cannot_be_found_broken_before_their_deadline()
    {
        var signed = await services.SubmitSignedCreditPathAsync(TestIdentifiers.NewUscc());
        var documents = Promise(signed, "propertyDocuments");

        using var response = await _officer.PostAsJsonAsync($"/api/commitments/{documents}/verification",
            new { outcome = "broken", note = "尚未提交" }, Api.Cancellation);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("期限", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(CommitmentState.Pending, await StateAsync(documents));
        Assert.Empty(await services.Applications.OutboxAsync<CommitmentBroken>("commitmentId", documents));
    }

    [Fact]
    public async Task A_clerk_cannot_verify_a_commitment()
    {
        var signed = await services.SubmitSignedCreditPathAsync(TestIdentifiers.NewUscc());
        var theft = Promise(signed, "noTheft");
        using var clerk = services.CreateClient(ResourceNames.Applications, Roles.Clerk);

        using var response = await clerk.PostAsJsonAsync($"/api/commitments/{theft}/verification", new { outcome = "broken", note = "x" }, Api.Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(CommitmentState.Pending, await StateAsync(theft));
    }

    [Theory]
    [InlineData("""{"outcome":"pending","note":"核查"}""", "outcome")]
    [InlineData("""{"outcome":"kept","note":"  "}""", "note")]
    [InlineData("""{"outcome":"forgotten","note":"核查"}""", "outcome")]
    public async Task A_bad_verification_answers_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var signed = await services.SubmitSignedCreditPathAsync(TestIdentifiers.NewUscc());
        var theft = Promise(signed, "noTheft");

        using var response = await _officer.PostAsync($"/api/commitments/{theft}/verification", Api.RawJson(body), Api.Cancellation);

        await Api.AssertFieldErrorAsync(response, field);
        Assert.Equal(CommitmentState.Pending, await StateAsync(theft));
    }

    [Fact]
    public async Task A_pending_promise_past_its_deadline_is_flagged_on_the_overdue_list()
    {
        var uscc = TestIdentifiers.NewUscc();
        var signed = await services.SubmitSignedCreditPathAsync(uscc);
        var documents = Promise(signed, "propertyDocuments");
        Assert.DoesNotContain(await IdsAsync("/api/commitments?overdue=true"), id => id == documents);

        // The deadline passes.
        await services.Applications.QueryAsync(db => db.Set<Commitment>().Where(c => c.Id == documents)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Deadline, DateTimeOffset.UtcNow.AddHours(-1)), Api.Cancellation));

        Assert.Contains(await IdsAsync("/api/commitments?overdue=true"), id => id == documents);
        var ledger = await _officer.GetJsonAsync($"/api/commitments?identifier={uscc}");
        var entry = ledger.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == documents);
        Assert.True(entry.GetProperty("overdue").GetBoolean());
        Assert.Equal("待核查", entry.GetProperty("stateName").GetString());

        // Now it may be found broken, and it leaves the overdue list.
        await _officer.PostJsonAsync($"/api/commitments/{documents}/verification", new { outcome = "broken", note = "期满未提交产权证明" }, HttpStatusCode.OK);
        Assert.DoesNotContain(await IdsAsync("/api/commitments?overdue=true"), id => id == documents);
        Assert.Contains(await IdsAsync("/api/commitments?state=broken"), id => id == documents);
    }

    public void Dispose() => _officer.Dispose();

    private static Guid Promise(JsonElement detail, string kind) => detail.GetProperty("letter").GetProperty("commitments")
        .EnumerateArray().Single(c => c.GetProperty("kind").GetString() == kind).GetProperty("id").GetGuid();

    private async Task<List<Guid>> IdsAsync(string path) =>
        [.. (await _officer.GetJsonAsync(path)).EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];

    private Task<CommitmentState> StateAsync(Guid id) => services.Applications.QueryAsync(db =>
        db.Set<Commitment>().Where(c => c.Id == id).Select(c => c.State).SingleAsync(Api.Cancellation));
}
