using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CreditPower.EndToEnd.Browser;

/// <summary>A clerk signs in to the staff portal in real headless Chromium, against the whole running system.</summary>
public sealed partial class SignInTests(AppHostFixture system, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly string[] _services = [ResourceNames.Grading, ResourceNames.Applications, ResourceNames.Notifications, ResourceNames.ValueAdded];

    [Fact]
    public async Task Clerk_signs_in_and_sees_every_service_healthy()
    {
        await system.WaitForServicesHealthyAsync(TestContext.Current.CancellationToken);

        await InBrowserAsync(async page =>
        {
            // The start page needs a signed-in user: the portal sends us to sign in first.
            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(LoginUrl());

            await SignInAsync(page, "clerk", system.StaffPassword);

            await Expect(page).ToHaveURLAsync(new Uri(system.PortalUrl, "/").ToString());
            await Expect(page.GetByTestId("interactive")).ToBeAttachedAsync();
            await Expect(page.GetByTestId("staff-name")).ToHaveTextAsync("张敏");
            await Expect(page.GetByTestId("staff-roles")).ToContainTextAsync(Roles.DisplayName(Roles.Clerk));
            foreach (var service in _services)
            {
                // The page probes each service from the server and refreshes on its own; wait for the answer.
                await Expect(page.GetByTestId($"health-{service}")).ToContainTextAsync("正常", new() { Timeout = 45_000 });
            }
        });
    }

    [Fact]
    public async Task Wrong_password_is_refused()
    {
        await InBrowserAsync(async page =>
        {
            await page.GotoAsync("/Account/Login");

            await SignInAsync(page, "clerk", $"wrong-{Guid.NewGuid():n}");

            await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("用户名或密码不正确，请重新输入。");
            await Expect(page).ToHaveURLAsync(LoginUrl());
            await Expect(page.Locator("#password")).ToBeVisibleAsync();
            await Expect(page.Locator("#password")).ToHaveValueAsync("");
            Assert.DoesNotContain(await page.Context.CookiesAsync(), cookie => cookie.Name == "CreditPower.Portal");

            // And the portal still treats us as a stranger.
            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(LoginUrl());
        });
    }

    private static Task SignInAsync(IPage page, string userName, string password) => PortalBrowser.SignInAsync(page, userName, password);

    private Task InBrowserAsync(Func<IPage, Task> steps, [CallerMemberName] string test = "") =>
        PortalBrowser.RunAsync(chromium, system.PortalUrl, nameof(SignInTests), test, steps);

    [GeneratedRegex("/Account/Login")]
    private static partial Regex LoginUrl();
}
