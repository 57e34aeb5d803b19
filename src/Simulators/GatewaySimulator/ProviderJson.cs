using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace CreditPower.GatewaySimulator;

/// <summary>
/// The providers' own JSON spelling: names exactly as written (Alibaba's PascalCase, WeChat's snake_case), not the
/// camelCase ASP.NET Core would apply, and Chinese left readable.
/// </summary>
internal static class ProviderJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = null,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
