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

/// <summary>A clerk works the phone-call list in the portal: reads the script, records that the customer was reached.</summary>
public sealed class CallTaskBrowserTests(AppHostFixture system, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Clerk_records_a_call_outcome_and_the_task_and_contact_log_follow()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await system.WaitForServicesHealthyAsync(cancellation);
        using var clerkGrading = system.CreateClient(ResourceNames.Grading, "clerk", Roles.Clerk);
        using var officer = system.CreateClient(ResourceNames.Grading, "officer", Roles.CreditOfficer);
        using var officer2 = system.CreateClient(ResourceNames.Grading, "officer2", Roles.CreditOfficer);
        using var clerkNotifications = system.CreateClient(ResourceNames.Notifications, "clerk", Roles.Clerk);
        var uscc = TestIdentifiers.NewUscc();
        var name = $"淮阴区电话回访{uscc[^6..]}有限公司";

        using var registered = await clerkGrading.PostAsJsonAsync("/api/subjects", new
        {
            kind = "legalEntity",
            identifier = uscc,
            name,
            accounts = new[] { TestIdentifiers.NewAccountNumber() },
        }, cancellation);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var subjectId = (await registered.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("id").GetGuid();

        // 100 − 10 − 10 − 4 − 2 = 74: yellow, which asks staff to call.
        foreach (var eventType in new[] { "repayment-agreement-broken", "supply-suspended", "late-payment-16-30", "late-payment-1-15" })
        {
            await GradeChangeFlowTests.RecordAndApproveAsync(officer, officer2, subjectId, new
            {
                eventType,
                occurredAt = DateTimeOffset.UtcNow.AddDays(-3),
                evidence = "营销系统缴费记录",
            });
        }

        await Eventually.GetAsync(
            () => clerkNotifications.GetFromJsonAsync<JsonElement?>($"/api/call-tasks?subjectId={subjectId}", cancellation),
            tasks => tasks.GetArrayLength() == 1, "the call task for the yellow downgrade");

        await PortalBrowser.RunAsync(chromium, system.PortalUrl, nameof(CallTaskBrowserTests), Test(), async page =>
        {
            await page.GotoAsync("/notifications/call-tasks");
            await PortalBrowser.SignInAsync(page, "clerk", system.StaffPassword);
            await Expect(page).ToHaveURLAsync(new Regex("/notifications/call-tasks$"));
            await PortalBrowser.WaitUntilInteractiveAsync(page);

            var row = page.Locator($"[data-testid=call-task][data-subject-id='{subjectId}']");
            await Expect(row).ToContainTextAsync(name);
            await Expect(row.GetByTestId("call-status")).ToHaveTextAsync("待拨打");
            await row.GetByTestId("record-call").ClickAsync();

            var form = page.GetByTestId("call-form");
            await Expect(form.GetByTestId("call-script")).ToContainTextAsync($"请问是{name}的负责人");
            await Expect(form.GetByTestId("call-script")).ToContainTextAsync("黄色（74 分）");
            await page.Locator("#call-outcome").SelectOptionAsync("reached");
            await page.Locator("#call-notes").FillAsync("客户表示本周五前结清欠费");
            await form.GetByTestId("call-submit").ClickAsync();

            // The first save on a cold system (JIT, connection pools, two shared cores) may take more than Expect's 5 s.
            await Expect(page.GetByTestId("call-outcome-message")).ToContainTextAsync("任务结束（已接通）", new() { Timeout = 30_000 });
            // The list shows open tasks: the reached one has left it.
            await Expect(row).ToHaveCountAsync(0);

            // The subject's contact log, linked from the archive, shows the call as delivered.
            await page.GotoAsync($"/grading/subjects/{subjectId}");
            await PortalBrowser.WaitUntilInteractiveAsync(page);
            await page.GetByTestId("contact-log-link").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/notifications/subjects/{subjectId}/contact-log$"));
            await PortalBrowser.WaitUntilInteractiveAsync(page);
            await Expect(page.Locator("[data-testid=contact][data-channel=phoneCall]")).ToContainTextAsync("已送达");
            await Expect(page.GetByText("客户表示本周五前结清欠费")).ToBeVisibleAsync();
        });

        var task = (await clerkNotifications.GetFromJsonAsync<JsonElement>($"/api/call-tasks?subjectId={subjectId}", cancellation))[0];
        Assert.Equal("reached", task.GetProperty("status").GetString());
        var attempt = Assert.Single(task.GetProperty("attempts").EnumerateArray());
        Assert.Equal(("reached", "clerk", "客户表示本周五前结清欠费"),
            (attempt.GetProperty("outcome").GetString(), attempt.GetProperty("recordedBy").GetString(), attempt.GetProperty("notes").GetString()));
    }

    private static string Test([CallerMemberName] string test = "") => test;
}
