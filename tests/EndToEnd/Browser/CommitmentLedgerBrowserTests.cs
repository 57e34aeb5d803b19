using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CreditPower.EndToEnd.Browser;

/// <summary>A credit officer verifies a promise in the commitment ledger, reports the letter to the DRC and reconciles.</summary>
public sealed class CommitmentLedgerBrowserTests(AppHostFixture system, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Officer_verifies_a_promise_kept_then_reports_the_letter_and_the_reconciliation_shows_none_missing()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await system.WaitForServicesHealthyAsync(cancellation);
        var (letterNumber, promiseId) = await SignedLetterAsync(cancellation);

        await InBrowserAsync(async page =>
        {
            await page.GotoAsync("/applications/commitments");
            await PortalBrowser.SignInAsync(page, "officer", system.StaffPassword);
            await PortalBrowser.WaitUntilInteractiveAsync(page);

            var row = page.Locator($"[data-testid=ledger-row][data-id='{promiseId}']");
            await Expect(row.GetByTestId("state")).ToHaveTextAsync("待核查");
            await row.GetByTestId("verify-note").FillAsync("已提交不动产权证书原件，核对无误");
            await row.GetByTestId("verify-kept").ClickAsync();
            await Expect(row.GetByTestId("state")).ToHaveTextAsync("已履约");

            await page.GotoAsync("/applications/drc");
            await PortalBrowser.WaitUntilInteractiveAsync(page);
            await page.GetByTestId("create-batch").ClickAsync();
            await Expect(page.Locator("p.form-success")).ToContainTextAsync("已生成第");
            await page.GetByText("对账", new() { Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("reconciliation-summary")).ToContainTextAsync("漏报 0");
            await Expect(page.Locator("table").Last).ToContainTextAsync(letterNumber);
        });
    }

    private async Task<(string LetterNumber, Guid PromiseId)> SignedLetterAsync(CancellationToken cancellation)
    {
        using var clerkGrading = system.CreateClient(ResourceNames.Grading, "clerk", Roles.Clerk);
        using var clerk = system.CreateClient(ResourceNames.Applications, "clerk", Roles.Clerk);
        var uscc = TestIdentifiers.NewUscc();
        var name = $"淮阴区台账浏览器{uscc[^6..]}有限公司";
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        using var registered = await clerkGrading.PostAsJsonAsync("/api/subjects", new { kind = "legalEntity", identifier = uscc, name }, cancellation);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        using var submitted = await clerk.PostAsJsonAsync("/api/applications", new
        {
            subjectKind = "legalEntity", identifier = uscc, applicantName = name, type = "newConnection", capacityKva = 250,
            address = "淮安市淮阴区北京东路 6 号",
            creditPath = new
            {
                legalRepresentative = "陈立新",
                report = new { number = "JSXY-2026-004242", issuedOn = today, issuer = "江苏省公共信用信息中心", validUntil = today.AddDays(30), negativeItems = Array.Empty<string>() },
            },
        }, cancellation);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var application = await submitted.Content.ReadFromJsonAsync<JsonElement>(cancellation);
        using var signed = await clerk.PostAsJsonAsync($"/api/applications/{application.GetProperty("id").GetGuid()}/commitment-letter/signature", new { signedBy = "陈立新" }, cancellation);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var letter = application.GetProperty("letter");
        var promise = letter.GetProperty("commitments").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "propertyDocuments");
        return (letter.GetProperty("number").GetString()!, promise.GetProperty("id").GetGuid());
    }

    private Task InBrowserAsync(Func<IPage, Task> steps, [CallerMemberName] string test = "") =>
        PortalBrowser.RunAsync(chromium, system.PortalUrl, nameof(CommitmentLedgerBrowserTests), test, steps);
}
