using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CreditPower.EndToEnd.Browser;

/// <summary>What the browser tests share: a fresh context per test, signing in and out, and the page kept when a test fails.</summary>
internal static class PortalBrowser
{
    /// <summary>Runs <paramref name="steps"/> in a fresh browser context; on failure keeps a screenshot and the page's HTML.</summary>
    public static async Task RunAsync(ChromiumFixture chromium, Uri portalUrl, string testClass, string test, Func<IPage, Task> steps)
    {
        await using var context = await chromium.Browser.NewContextAsync(new()
        {
            BaseURL = portalUrl.ToString(),
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
            await SaveArtifactsAsync(page, $"{testClass}.{test}");
            throw;
        }
    }

    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        // Seen once on a loaded machine: the form answered 用户名或密码不正确 for a right password, as if a field was
        // emptied between filling and submitting. Fill only once the page has loaded, and submit only what is in the fields.
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await Expect(page.Locator("#username")).ToHaveValueAsync(userName);
        await Expect(page.Locator("#password")).ToHaveValueAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
    }

    public static async Task SignOutAsync(IPage page)
    {
        await page.GetByTestId("logout").ClickAsync();
        await Expect(page.Locator("#username")).ToBeVisibleAsync();
    }

    /// <summary>Waits until the page's circuit is up: before that, clicks reach a prerendered page that cannot answer them.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) => Expect(page.GetByTestId("interactive")).ToBeAttachedAsync();

    /// <summary>Saves the page as it is now (screenshot and HTML) under the test output folder, and returns the file stem.</summary>
    public static async Task<string?> SaveArtifactsAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "browser");
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"{name}-{DateTime.UtcNow:yyyyMMddHHmmss}");
        try
        {
            var screenshot = await page.ScreenshotAsync(new() { FullPage = true });
            var html = await page.ContentAsync();
            await File.WriteAllBytesAsync(stem + ".png", screenshot);
            await File.WriteAllTextAsync(stem + ".html", html);
            TestContext.Current.AddAttachment($"{name}.png", screenshot, "image/png");
            TestContext.Current.AddAttachment($"{name}.html", html);
            TestContext.Current.TestOutputHelper?.WriteLine($"Page at {page.Url} saved as {stem}.png and {stem}.html");
            return stem;
        }
        catch (PlaywrightException ex)
        {
            // The page may be gone (a crashed renderer); the test's own failure is what matters.
            TestContext.Current.TestOutputHelper?.WriteLine($"Could not save the page: {ex.Message}");
            return null;
        }
    }
}
