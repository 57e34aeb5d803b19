using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace CreditPower.EndToEnd.Browser;

/// <summary>The letter desk and the template editor in the portal, as a clerk and an officer use them.</summary>
public sealed class LetterAndTemplateBrowserTests(AppHostFixture system, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Clerk_previews_a_letter_prints_it_and_records_delivery_and_receipt()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await system.WaitForServicesHealthyAsync(cancellation);
        using var clerkGrading = system.CreateClient(ResourceNames.Grading, "clerk", Roles.Clerk);
        using var inspector = system.CreateClient(ResourceNames.Grading, "inspector", Roles.Inspector);
        using var supervisor = system.CreateClient(ResourceNames.Grading, "supervisor", Roles.Supervisor);
        using var clerkNotifications = system.CreateClient(ResourceNames.Notifications, "clerk", Roles.Clerk);
        var uscc = TestIdentifiers.NewUscc();
        var name = $"淮阴区告知函送达{uscc[^6..]}有限公司";

        using var registered = await clerkGrading.PostAsJsonAsync("/api/subjects", new
        {
            kind = "legalEntity",
            identifier = uscc,
            name,
            accounts = new[] { TestIdentifiers.NewAccountNumber() },
        }, cancellation);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var subjectId = (await registered.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("id").GetGuid();
        await GradeChangeFlowTests.RecordAndApproveAsync(inspector, supervisor, subjectId, new
        {
            eventType = "electricity-theft",
            occurredAt = DateTimeOffset.UtcNow.AddDays(-1),
        });
        var letters = await Eventually.GetAsync(
            () => clerkNotifications.GetFromJsonAsync<JsonElement?>($"/api/letters?subjectId={subjectId}", cancellation),
            l => l.GetArrayLength() == 1, "the notice letter for the black veto");
        var letterId = letters[0].GetProperty("id").GetGuid();
        var number = letters[0].GetProperty("number").GetString()!;

        await PortalBrowser.RunAsync(chromium, system.PortalUrl, nameof(LetterAndTemplateBrowserTests), Test(), async page =>
        {
            await page.GotoAsync("/notifications/letters");
            await PortalBrowser.SignInAsync(page, "clerk", system.StaffPassword);
            await Expect(page).ToHaveURLAsync(new Regex("/notifications/letters$"));
            await PortalBrowser.WaitUntilInteractiveAsync(page);

            var row = page.Locator($"[data-testid=letter][data-letter-id='{letterId}']");
            await Expect(row.GetByTestId("letter-number")).ToHaveTextAsync(number);
            await Expect(row).ToContainTextAsync(name);

            // The preview is the service's PDF, fetched by the portal with the clerk's own token.
            await row.GetByTestId("letter-preview").ClickAsync();
            await Expect(page.GetByTestId("letter-pdf")).ToHaveAttributeAsync("src", $"/notifications/letters/{letterId}/pdf");
            var pdf = await page.Context.APIRequest.GetAsync($"/notifications/letters/{letterId}/pdf");
            Assert.Equal(200, pdf.Status);
            Assert.Equal("application/pdf", pdf.Headers["content-type"]);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.BodyAsync())[..4], StringComparison.Ordinal);

            // Batch print of the ticked letter: a native form post, the PDF opens in a new tab.
            await row.Locator("input[type=checkbox]").CheckAsync();
            var printed = await page.Context.RunAndWaitForPageAsync(() => page.GetByTestId("print-selected").ClickAsync());
            await Eventually.GetAsync(
                () => clerkNotifications.GetFromJsonAsync<JsonElement?>($"/api/letters/{letterId}", cancellation),
                l => l.GetProperty("printedBy").ValueKind == JsonValueKind.String, "the letter to be marked printed");
            // Back to the list tab: Chromium throttles a background tab's scripts, and the portal's circuit with them.
            if (!printed.IsClosed)
            {
                await printed.CloseAsync();
            }

            await page.BringToFrontAsync();
            await page.Locator("#letter-filter").SelectOptionAsync("");
            await Expect(row.GetByTestId("letter-delivery")).ToBeVisibleAsync();
            await ClickUntilVisibleAsync(row.GetByTestId("letter-delivery"), page.Locator("#delivery-method"));
            await page.Locator("#delivery-method").SelectOptionAsync("inPerson");
            await ClickUntilVisibleAsync(page.GetByTestId("delivery-submit"), page.GetByTestId("letter-message").Filter(new() { HasText = "当面送达" }));

            await Expect(page.GetByTestId("delivery-form")).ToHaveCountAsync(0);
            await ClickUntilVisibleAsync(row.GetByTestId("letter-receipt-entry"), page.Locator("#receipt-signed-by"));
            await page.Locator("#receipt-signed-by").FillAsync("李娜（公司行政）");
            await ClickUntilVisibleAsync(page.GetByTestId("receipt-submit"), row.GetByTestId("letter-receipt").Filter(new() { HasText = "李娜（公司行政）" }));
        });

        var letter = await clerkNotifications.GetFromJsonAsync<JsonElement>($"/api/letters/{letterId}", cancellation);
        Assert.Equal(("clerk", "inPerson", "李娜（公司行政）", "delivered"), (
            letter.GetProperty("printedBy").GetString(), letter.GetProperty("deliveryMethod").GetString(),
            letter.GetProperty("receiptSignedBy").GetString(), letter.GetProperty("contactStatus").GetString()));
    }

    [Fact]
    public async Task Officer_is_told_of_an_unknown_placeholder_then_saves_a_new_template_version()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await system.WaitForServicesHealthyAsync(cancellation);
        using var officerNotifications = system.CreateClient(ResourceNames.Notifications, "officer", Roles.CreditOfficer);
        const string Code = "service-order-sms";
        var before = (await officerNotifications.GetFromJsonAsync<JsonElement>($"/api/templates/{Code}/versions", cancellation))[0].GetProperty("version").GetInt32();

        await PortalBrowser.RunAsync(chromium, system.PortalUrl, nameof(LetterAndTemplateBrowserTests), Test(), async page =>
        {
            await page.GotoAsync("/notifications/templates");
            await PortalBrowser.SignInAsync(page, "officer", system.StaffPassword);
            await Expect(page).ToHaveURLAsync(new Regex("/notifications/templates$"));
            await PortalBrowser.WaitUntilInteractiveAsync(page);

            await page.Locator($"[data-testid=template][data-code='{Code}']").GetByTestId("template-open").ClickAsync();
            var editor = page.GetByTestId("template-editor");
            await Expect(editor.GetByTestId("template-version").First).ToContainTextAsync($"第 {before} 版");

            await page.Locator("#template-body").FillAsync("【淮阴供电】您的“{service}”服务订单已由{engineer}处理。");
            await page.GetByTestId("template-save").ClickAsync();
            await Expect(page.GetByTestId("error-body")).ToContainTextAsync("{engineer}", new() { Timeout = 30_000 });

            await page.Locator("#template-body").FillAsync("【淮阴供电】尊敬的客户，您的“{service}”服务订单已于 {changedDate} 更新为：{status}。");
            await page.Locator("#template-note").FillAsync("精简措辞");
            await page.GetByTestId("template-save").ClickAsync();
            await Expect(page.GetByTestId("template-message")).ToContainTextAsync($"已保存为第 {before + 1} 版", new() { Timeout = 30_000 });
        });

        var versions = await officerNotifications.GetFromJsonAsync<JsonElement>($"/api/templates/{Code}/versions", cancellation);
        Assert.Equal((before + 1, "officer", "精简措辞"),
            (versions[0].GetProperty("version").GetInt32(), versions[0].GetProperty("createdBy").GetString(), versions[0].GetProperty("note").GetString()));
        Assert.Equal(before + 1, versions.GetArrayLength());
    }

    private static string Test([CallerMemberName] string test = "") => test;

    /// <summary>
    /// Clicks a Fluent button that has just been rendered until what it leads to shows: on a loaded machine a click that
    /// lands before the web component is wired up is lost. Repeating a save here is harmless (the same values again).
    /// </summary>
    private static async Task ClickUntilVisibleAsync(Microsoft.Playwright.ILocator button, Microsoft.Playwright.ILocator opens)
    {
        for (var attempt = 1; ; attempt++)
        {
            await button.ClickAsync();
            try
            {
                await Expect(opens).ToBeVisibleAsync(new() { Timeout = 5_000 });
                return;
            }
            catch (Microsoft.Playwright.PlaywrightException) when (attempt < 5)
            {
                // Not opened yet: click again.
            }
        }
    }
}
