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

/// <summary>
/// A supervisor works the public capacity pool in the portal: registers a bay, allocates it, sees an honest customer's
/// request queue ahead of an earlier ordinary one, releases the bay and watches it go to the honest customer.
/// </summary>
public sealed class CapacityPoolBrowserTests(AppHostFixture system, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Released_bay_goes_to_the_green_channel_request_ahead_of_an_earlier_ordinary_one_and_the_ledger_shows_both_moves()
    {
        await system.WaitForServicesHealthyAsync(TestContext.Current.CancellationToken);
        var suffix = TestIdentifiers.NewUscc()[^6..];
        var holder = await SubmitAsync($"淮阴区占用间隔{suffix}有限公司", honest: false);
        var ordinary = await SubmitAsync($"淮阴区普通排队{suffix}有限公司", honest: false);
        var honest = await SubmitAsync($"淮阴区守信排队{suffix}有限公司", honest: true);
        var poolName = $"王营变10kV间隔{suffix}";

        await InBrowserAsync(async page =>
        {
            await page.GotoAsync("/applications/capacity");
            await PortalBrowser.SignInAsync(page, "supervisor", system.StaffPassword);
            // As PortalBrowser.WaitUntilInteractiveAsync, with room for a circuit that starts slowly on a busy machine.
            await Expect(page.GetByTestId("interactive")).ToBeAttachedAsync(new() { Timeout = 30_000 });

            await page.Locator("#pool-name").FillAsync(poolName);
            await page.Locator("#pool-kind").SelectOptionAsync("lineCapacity");
            await Expect(page.Locator("label[for=pool-total]")).ToHaveTextAsync("总容量（kVA）");
            await page.Locator("#pool-kind").SelectOptionAsync("substationBay");
            await Expect(page.Locator("label[for=pool-total]")).ToHaveTextAsync("间隔总数（个）");
            await page.Locator("#pool-total").FillAsync("1");
            await page.GetByTestId("create-pool").ClickAsync();
            await ExpectOutcomeAsync(page, $"已登记“{poolName}”");
            var detail = page.GetByTestId("capacity-pool-detail");
            await Expect(detail.Locator("h2")).ToHaveTextAsync(poolName);
            await Expect(page.Locator("label[for=request-amount]")).ToHaveTextAsync("申请间隔数（个）");
            // Both stylesheets reach the page, with no copy of them inline: the shared form styles and the pool's own.
            await Expect(page.GetByTestId("capacity-outcome")).ToHaveCSSAsync("background-color", "rgb(241, 250, 241)");
            await Expect(detail.GetByTestId("pool-bar")).ToHaveCSSAsync("height", "14px");

            await RequestAsync(page, holder, "1");
            await ExpectOutcomeAsync(page, "已获分配 1 个间隔");
            await RequestAsync(page, ordinary, "1");
            await ExpectOutcomeAsync(page, "当前顺位第 1 位");
            await RequestAsync(page, honest, "1");
            await ExpectOutcomeAsync(page, "当前顺位第 1 位");

            var waiting = page.GetByTestId("waiting-request");
            await Expect(waiting).ToHaveCountAsync(2);
            await Expect(waiting.Nth(0)).ToHaveAttributeAsync("data-application-id", honest.ToString());
            await Expect(waiting.Nth(0)).ToContainTextAsync("绿色通道");
            await Expect(waiting.Nth(1)).ToHaveAttributeAsync("data-application-id", ordinary.ToString());
            await Expect(waiting.Nth(1)).ToContainTextAsync("普通");

            // Asking for more than the pool has is refused beside the field, and nothing moves.
            await page.Locator("#request-application").SelectOptionAsync(ordinary.ToString());
            await page.Locator("#request-amount").FillAsync("2");
            await page.GetByTestId("request-capacity").ClickAsync();
            await Expect(page.GetByTestId("error-amount")).ToContainTextAsync("超过", new() { Timeout = 30_000 });
            await Expect(waiting).ToHaveCountAsync(2);

            var holding = page.Locator($"[data-testid=holding-request][data-application-id='{holder}']");
            await holding.GetByTestId("release").ClickAsync();
            await page.Locator("[id^=release-reason-]").FillAsync("用户撤回报装申请");
            await page.GetByTestId("confirm-release").ClickAsync();
            await ExpectOutcomeAsync(page, "按序分配给 1 个排队申请");

            await Expect(page.Locator($"[data-testid=holding-request][data-application-id='{honest}']")).ToBeVisibleAsync();
            await Expect(waiting).ToHaveCountAsync(1);
            await Expect(waiting.Nth(0)).ToHaveAttributeAsync("data-application-id", ordinary.ToString());
            var ledger = page.GetByTestId("ledger-entry");
            await Expect(ledger.Nth(0)).ToHaveAttributeAsync("data-kind", "allocated");
            await Expect(ledger.Nth(0)).ToContainTextAsync($"淮阴区守信排队{suffix}有限公司");
            await Expect(ledger.Nth(1)).ToHaveAttributeAsync("data-kind", "released");
            await Expect(ledger.Nth(1)).ToContainTextAsync("用户撤回报装申请");
            await Expect(ledger.Nth(1)).ToContainTextAsync("supervisor");
            await Expect(page.Locator($"[data-testid=capacity-pool]:has-text('{poolName}') [data-testid=pool-free]")).ToHaveTextAsync("0 个间隔");
        });
    }

    /// <summary>What the page says after an action: a round trip to the Applications service, which a busy machine slows beyond 5 s.</summary>
    private static Task ExpectOutcomeAsync(IPage page, string text) =>
        Expect(page.GetByTestId("capacity-outcome")).ToContainTextAsync(text, new() { Timeout = 30_000 });

    private static async Task RequestAsync(IPage page, Guid application, string amount)
    {
        await page.Locator("#request-application").SelectOptionAsync(application.ToString());
        await page.Locator("#request-amount").FillAsync(amount);
        await page.GetByTestId("request-capacity").ClickAsync();
    }

    /// <summary>
    /// Takes an application through the API. An honest one belongs to a subject registered in Grading (new subjects are
    /// blue), and is taken once Applications has heard so over the bus; an ordinary one's subject Grading does not know.
    /// </summary>
    private async Task<Guid> SubmitAsync(string name, bool honest)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var uscc = TestIdentifiers.NewUscc();
        using var clerkApplications = system.CreateClient(ResourceNames.Applications, "clerk", Roles.Clerk);
        if (honest)
        {
            using var clerkGrading = system.CreateClient(ResourceNames.Grading, "clerk", Roles.Clerk);
            using var registered = await clerkGrading.PostAsJsonAsync("/api/subjects", new
            {
                kind = "legalEntity",
                identifier = uscc,
                name,
                accounts = new[] { TestIdentifiers.NewAccountNumber() },
            }, cancellation);
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        using var submitted = await clerkApplications.PostAsJsonAsync("/api/applications", new
        {
            subjectKind = "legalEntity",
            identifier = uscc,
            applicantName = name,
            type = "newConnection",
            capacityKva = 400,
            address = "淮安市淮阴区长江东路 88 号",
            propertyProof = new { documentType = "不动产权证书", documentNumber = "苏(2026)淮安市不动产权第0012345号" },
        }, cancellation);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("id").GetGuid();
        await Eventually.GetAsync(
            () => clerkApplications.GetFromJsonAsync<JsonElement?>($"/api/applications/{id}", cancellation),
            a => a.GetProperty("greenChannel").GetBoolean() == honest, honest ? "the application to enter the green channel" : "the application");
        return id;
    }

    private Task InBrowserAsync(Func<IPage, Task> steps, [CallerMemberName] string test = "") =>
        PortalBrowser.RunAsync(chromium, system.PortalUrl, nameof(CapacityPoolBrowserTests), test, steps);
}
