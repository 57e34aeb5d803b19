using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CreditPower.Portal.Localization;
using Microsoft.Extensions.WebEncoders;
using Microsoft.FluentUI.AspNetCore.Components;

namespace CreditPower.Portal.Components;

public static class PortalUiExtensions
{
    public const string ProductName = "电力信用管理平台";

    private static readonly CultureInfo[] _cultures = [CultureInfo.GetCultureInfo("zh-CN")];

    /// <summary>Blazor with interactive server pages, Fluent UI speaking Chinese.</summary>
    public static IHostApplicationBuilder AddPortalUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddFluentUIComponents(config => config.Localizer = new ChineseFluentLocalizer());
        builder.Services.AddLocalization();

        // Write Chinese as characters, not &#x…; escapes: smaller pages, readable HTML in test artefacts.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return builder;
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        // GET only: re-executing a failed POST would post the page form again (and fail antiforgery).
        app.UseWhen(
            context => HttpMethods.IsGet(context.Request.Method),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));

        // Every request is zh-CN, whatever the browser asks for: dates, numbers and messages stay Chinese.
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new("zh-CN"),
            SupportedCultures = _cultures,
            SupportedUICultures = _cultures,
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPortalUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
