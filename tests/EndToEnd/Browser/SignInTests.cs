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

    private static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
    }

    /// <summary>Runs <paramref name="steps"/> in a fresh browser context; on failure keeps a screenshot and the page's HTML.</summary>
    private async Task InBrowserAsync(Func<IPage, Task> steps, [CallerMemberName] string test = "")
    {
        await using var context = await chromium.Browser.NewContextAsync(new()
        {
            BaseURL = system.PortalUrl.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new() { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        try
        {
            await steps(page);
        }
        catch
        {
            await SaveArtifactsAsync(page, test);
            throw;
        }
    }

    private static async Task SaveArtifactsAsync(IPage page, string test)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "browser");
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"{nameof(SignInTests)}.{test}-{DateTime.UtcNow:yyyyMMddHHmmss}");
        try
        {
            var screenshot = await page.ScreenshotAsync(new() { FullPage = true });
            var html = await page.ContentAsync();
            await File.WriteAllBytesAsync(stem + ".png", screenshot);
            await File.WriteAllTextAsync(stem + ".html", html);
            TestContext.Current.AddAttachment($"{test}.png", screenshot, "image/png");
            TestContext.Current.AddAttachment($"{test}.html", html);
            TestContext.Current.TestOutputHelper?.WriteLine($"Page at {page.Url} saved as {stem}.png and {stem}.html");
        }
        catch (PlaywrightException ex)
        {
            // The page may be gone (a crashed renderer); the test's own failure is what matters.
            TestContext.Current.TestOutputHelper?.WriteLine($"Could not save the page: {ex.Message}");
        }
    }

    [GeneratedRegex("/Account/Login")]
    private static partial Regex LoginUrl();
}

/// <summary>
/// One headless Chromium per test class: Debian's <c>/usr/bin/chromium</c>, never a downloaded build.
/// Each test opens its own context (fresh cookies and storage).
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--lang=zh-CN",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
