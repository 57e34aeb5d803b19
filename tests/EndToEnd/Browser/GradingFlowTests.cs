using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CreditPower.EndToEnd.Browser;

/// <summary>Four-eyes in the portal: one credit officer records an event, a second approves it, the archive shows the result.</summary>
public sealed partial class GradingFlowTests(AppHostFixture system, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Officer_records_a_contract_violation_second_officer_approves_and_archive_shows_red_with_the_reason()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await system.WaitForServicesHealthyAsync(cancellation);
        var uscc = TestIdentifiers.NewUscc();
        var name = $"淮阴区浏览器测试{uscc[^6..]}机械有限公司";
        string subjectPath = "";

        // The first officer registers the subject and records the event: it waits for a second officer.
        await InBrowserAsync(async page =>
        {
            await page.GotoAsync("/grading/subjects");
            await PortalBrowser.SignInAsync(page, "officer", system.StaffPassword);
            await Expect(page).ToHaveURLAsync(new Regex("/grading/subjects$"));
            await PortalBrowser.WaitUntilInteractiveAsync(page);

            await page.Locator("#register-kind").SelectOptionAsync("legalEntity");
            await page.Locator("#register-identifier").FillAsync(uscc);
            await page.Locator("#register-name").FillAsync(name);
            await page.Locator("#register-accounts").FillAsync(TestIdentifiers.NewAccountNumber());
            await page.GetByTestId("register-submit").ClickAsync();

            await Expect(page).ToHaveURLAsync(ArchiveUrl());
            subjectPath = new Uri(page.Url).AbsolutePath;
            await Expect(page.GetByTestId("subject-name")).ToHaveTextAsync(name);
            await Expect(page.GetByTestId("archive-colour")).ToHaveTextAsync("蓝");

            await page.GetByTestId("record-event-link").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/record-event$"));
            await PortalBrowser.WaitUntilInteractiveAsync(page);
            await Expect(page.Locator("#event-type option[value='contract-violation']")).ToBeAttachedAsync();
            await page.Locator("#event-type").SelectOptionAsync("contract-violation");
            await page.Locator("#evidence").FillAsync("用电检查工单 JC-2026-0815：擅自超容量用电");
            await page.GetByTestId("record-submit").ClickAsync();
            await Expect(page.GetByTestId("record-outcome")).ToContainTextAsync("待审批");

            // Not yet in force: the colour stands, and the recorder cannot approve their own event.
            await page.GotoAsync(subjectPath);
            await Expect(page.GetByTestId("archive-colour")).ToHaveTextAsync("蓝");
            await page.GotoAsync("/grading/approvals");
            var own = page.Locator($"[data-testid=pending-event][data-subject-id='{SubjectId(subjectPath)}']");
            await Expect(own.GetByTestId("own-item")).ToBeVisibleAsync();
            // fluent-button is a custom element: Playwright's ToBeDisabled does not read its attribute.
            await Expect(own.GetByTestId("approve")).ToHaveAttributeAsync("disabled", AnyValue());

            await PortalBrowser.SignOutAsync(page);
        });

        // The second officer approves it from the queue; the subject is downgraded at once.
        await InBrowserAsync(async page =>
        {
            await page.GotoAsync("/grading/approvals");
            await PortalBrowser.SignInAsync(page, "officer2", system.StaffPassword);
            await Expect(page).ToHaveURLAsync(new Regex("/grading/approvals$"));
            await PortalBrowser.WaitUntilInteractiveAsync(page);

            var item = page.Locator($"[data-testid=pending-event][data-subject-id='{SubjectId(subjectPath)}']");
            await Expect(item).ToContainTextAsync("违约用电");
            await item.GetByTestId("approve").ClickAsync();
            await Expect(page.GetByTestId("approval-outcome")).ToContainTextAsync("红");
            await Expect(item).ToHaveCountAsync(0);

            await page.GotoAsync(subjectPath);
            await PortalBrowser.WaitUntilInteractiveAsync(page);
            await Expect(page.GetByTestId("archive-colour")).ToHaveTextAsync("红");
            await Expect(page.GetByTestId("archive-colour")).ToHaveAttributeAsync("data-colour", "red");
            await Expect(page.GetByTestId("grade-reason").Filter(new() { HasText = "违约用电" }).First).ToContainTextAsync("-15");

            // Notifications logs the red warnings from the bus; once its log holds them, the archive lists them.
            using var clerkNotifications = system.CreateClient(ResourceNames.Notifications, "clerk", Roles.Clerk);
            await Eventually.GetAsync(
                () => clerkNotifications.GetFromJsonAsync<JsonElement?>($"/api/subjects/{SubjectId(subjectPath)}/contact-log", cancellation),
                log => log.EnumerateArray().Select(c => c.GetProperty("channel").GetString()).Intersect(["letter", "sms"]).Count() == 2,
                "the red notice letter and SMS in the contact log");
            await page.ReloadAsync();
            await PortalBrowser.WaitUntilInteractiveAsync(page);

            var contactLog = page.GetByTestId("archive-contact-log");
            await Expect(contactLog).ToContainTextAsync("书面告知函");
            await Expect(contactLog).ToContainTextAsync("短信");
        });
    }

    private static string SubjectId(string archivePath) => archivePath.Split('/')[^1];

    private Task InBrowserAsync(Func<IPage, Task> steps, [CallerMemberName] string test = "") =>
        PortalBrowser.RunAsync(chromium, system.PortalUrl, nameof(GradingFlowTests), test, steps);

    [GeneratedRegex(".*")]
    private static partial Regex AnyValue();

    [GeneratedRegex(@"/grading/subjects/[0-9a-f-]{36}(\?registered=true)?$")]
    private static partial Regex ArchiveUrl();
}
