using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;

namespace CreditPower.EndToEnd;

/// <summary>
/// A credit commitment across the whole system (DOMAIN.md §7): taken on the credit path in Applications, verified
/// broken by an inspector, and Grading turns the subject black; the subject's open application leaves the green channel.
/// </summary>
public sealed class CommitmentFlowTests(AppHostFixture system)
{
    [Fact]
    public async Task A_commitment_verified_broken_turns_the_subject_black_in_grading()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await system.WaitForServicesHealthyAsync(cancellation);
        using var clerkGrading = system.CreateClient(ResourceNames.Grading, "clerk", Roles.Clerk);
        using var clerkApplications = system.CreateClient(ResourceNames.Applications, "clerk", Roles.Clerk);
        using var inspectorApplications = system.CreateClient(ResourceNames.Applications, "inspector", Roles.Inspector);
        var uscc = TestIdentifiers.NewUscc();
        const string name = "淮阴区端到端承诺测试有限公司";
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

        using var registered = await clerkGrading.PostAsJsonAsync("/api/subjects", new
        {
            kind = "legalEntity", identifier = uscc, name, accounts = new[] { TestIdentifiers.NewAccountNumber() },
        }, cancellation);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        using var submitted = await clerkApplications.PostAsJsonAsync("/api/applications", new
        {
            subjectKind = "legalEntity",
            identifier = uscc,
            applicantName = name,
            type = "newConnection",
            capacityKva = 630,
            address = "淮安市淮阴区长江东路 88 号",
            creditPath = new
            {
                legalRepresentative = "周振华",
                report = new { number = "JSXY-2026-009999", issuedOn = today.AddDays(-1), issuer = "江苏省公共信用信息中心", validUntil = today.AddDays(29), negativeItems = Array.Empty<string>() },
            },
        }, cancellation);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var application = await submitted.Content.ReadFromJsonAsync<JsonElement>(cancellation);
        var applicationId = application.GetProperty("id").GetGuid();

        // A new subject is blue: the application joins the green channel once Grading's first grade arrives.
        await Eventually.GetAsync(() => clerkApplications.GetFromJsonAsync<JsonElement>($"/api/applications/{applicationId}", cancellation),
            a => a.GetProperty("greenChannel").GetBoolean(), "the application to enter the green channel");

        using var signed = await clerkApplications.PostAsJsonAsync($"/api/applications/{applicationId}/commitment-letter/signature", new { signedBy = "周振华" }, cancellation);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var promise = application.GetProperty("letter").GetProperty("commitments").EnumerateArray()
            .Single(c => c.GetProperty("kind").GetString() == "noTheft").GetProperty("id").GetGuid();

        using var verified = await inspectorApplications.PostAsJsonAsync($"/api/commitments/{promise}/verification",
            new { outcome = "broken", note = "用电检查工单 JC-2026-1201：绕越计量装置用电" }, cancellation);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);

        var grade = await Eventually.GetAsync(() => clerkGrading.GetFromJsonAsync<JsonElement>($"/api/grades/lookup?identifier={uscc}", cancellation),
            g => g.GetProperty("colour").GetString() == "black", "Grading to turn the subject black");
        Assert.Equal("black", grade.GetProperty("colour").GetString());
        await Eventually.GetAsync(() => clerkApplications.GetFromJsonAsync<JsonElement>($"/api/applications/{applicationId}", cancellation),
            a => !a.GetProperty("greenChannel").GetBoolean(), "the black subject's application to leave the green channel");
    }
}
