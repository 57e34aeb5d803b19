using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CreditPower.TestSupport;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace CreditPower.EndToEnd.Browser;

/// <summary>A clerk takes an application on the credit path at the counter and downloads the commitment letter to print.</summary>
public sealed partial class CreditPathBrowserTests(AppHostFixture system, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Clerk_takes_an_application_on_the_credit_path_and_downloads_the_letter()
    {
        await system.WaitForServicesHealthyAsync(TestContext.Current.CancellationToken);
        var uscc = TestIdentifiers.NewUscc();
        var name = $"淮阴区浏览器承诺{uscc[^6..]}有限公司";

        await InBrowserAsync(async page =>
        {
            await page.GotoAsync("/applications/new");
            await PortalBrowser.SignInAsync(page, "clerk", system.StaffPassword);
            await Expect(page).ToHaveURLAsync(new Regex("/applications/new$"));
            await PortalBrowser.WaitUntilInteractiveAsync(page);

            // The code is checked as typed: a wrong check character is named before anything is sent.
            await page.Locator("#identifier").FillAsync(string.Concat(uscc.AsSpan(0, 17), uscc[^1] == '0' ? "1" : "0"));
            await Expect(page.GetByTestId("error-identifier")).ToContainTextAsync("校验位");
            await page.Locator("#identifier").FillAsync(uscc);
            await Expect(page.GetByTestId("identifier-ok")).ToBeVisibleAsync();

            await page.Locator("#name").FillAsync(name);
            await page.Locator("#type").SelectOptionAsync("capacityIncrease");
            await page.Locator("#capacity").FillAsync("800");
            await page.Locator("#address").FillAsync("淮安市淮阴区长江东路 88 号");
            await page.GetByTestId("path-credit").CheckAsync();
            await page.Locator("#representative").FillAsync("周振华");
            await page.Locator("#report-number").FillAsync("JSXY-2026-000777");
            await page.GetByTestId("intake-submit").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/applications/[0-9a-f-]{36}$"));
            await PortalBrowser.WaitUntilInteractiveAsync(page);
            await Expect(page.GetByTestId("current-stage")).ToContainTextAsync("受理");
            await Expect(page.GetByTestId("sign-form")).ToBeVisibleAsync();
            await page.Locator("#signed-by").FillAsync("周振华");
            await page.GetByTestId("sign-submit").ClickAsync();
            await Expect(page.GetByTestId("letter-signed")).ToContainTextAsync("周振华");
            // Both stylesheets reach the page: the shared one (grading.css) and the Applications one on top.
            await Expect(page.Locator(".kv dt").First).ToHaveCSSAsync("color", "rgb(97, 97, 97)");
            await Expect(page.Locator(".timeline li.current")).ToHaveCSSAsync("border-left-color", "rgb(15, 108, 189)");

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("letter-download").ClickAsync());
            Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
            var file = await download.PathAsync();
            using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
            var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
            Assert.Contains("信用承诺书", text, StringComparison.Ordinal);
            Assert.Contains(name, text, StringComparison.Ordinal);
            Assert.Contains("补齐用电地址的产权证明材料", text, StringComparison.Ordinal);
            Assert.Contains("签署登记", text, StringComparison.Ordinal);

            // A file the service refuses is a page saying why, in Chinese, with the way back; not a blank tab.
            var missing = await page.GotoAsync($"/applications/files/{Guid.NewGuid()}/commitment-letter.pdf");
            Assert.Equal(404, missing!.Status);
            await Expect(page.Locator("h1")).ToHaveTextAsync("未找到相应记录");
            await Expect(page.GetByTestId("file-problem")).ToHaveTextAsync("文件获取失败，请返回上一页重试。");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "返回申请详情" })).ToBeVisibleAsync();
        });
    }

    private Task InBrowserAsync(Func<IPage, Task> steps, [CallerMemberName] string test = "") =>
        PortalBrowser.RunAsync(chromium, system.PortalUrl, nameof(CreditPathBrowserTests), test, steps);
}
