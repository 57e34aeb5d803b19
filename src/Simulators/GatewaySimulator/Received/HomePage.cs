using System.Globalization;
using System.Net;
using System.Text;
using CreditPower.ServiceDefaults.Dates;

namespace CreditPower.GatewaySimulator.Received;

/// <summary>
/// A plain page listing what the simulator received, newest first, for a developer or a clerk to look at. It needs no
/// key (a browser cannot send one) and so answers only on this machine: it shows customers' numbers and names.
/// </summary>
internal static class HomePage
{
    private const int Shown = 200;

    public static IResult Render(HttpRequest request, MessageLog log)
    {
        if (request.HttpContext.Connection.RemoteIpAddress is not { } caller
            || !IPAddress.IsLoopback(caller.IsIPv4MappedToIPv6 ? caller.MapToIPv4() : caller))
        {
            return TypedResults.Content("网关模拟器页面只能在本机查看。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }

        var messages = log.Latest(Shown);
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
            <title>短信与微信网关模拟器</title>
            <style>body{font-family:"Noto Sans CJK SC",sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}
            th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;font-size:.9rem}th{background:#f3f3f3}</style>
            </head><body><h1>短信与微信网关模拟器</h1>
            """);
        html.Append(CultureInfo.InvariantCulture,
            $"<p>共收到短信 {log.Count(MessageLog.Sms)} 条、微信模板消息 {log.Count(MessageLog.WeChat)} 条（显示最近 {Shown} 条，每 5 秒刷新）。</p>");
        html.Append("<table><thead><tr><th>序号</th><th>接收时间（北京时间）</th><th>渠道</th><th>接收方</th><th>签名</th><th>模板</th><th>参数</th><th>业务流水号</th><th>回执编号</th></tr></thead><tbody>");
        foreach (var m in messages)
        {
            var parameters = string.Join("；", m.Parameters.Select(p => $"{p.Key}={p.Value}"));
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{m.Sequence}</td><td>{ChinaDates.Local(m.ReceivedAt):yyyy-MM-dd HH:mm:ss.fff}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{(m.Channel == MessageLog.Sms ? "短信" : "微信")}</td><td>{E(m.To)}</td><td>{E(m.Sign ?? "—")}</td><td>{E(m.Template)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{E(parameters)}</td><td>{E(m.Reference ?? "—")}</td><td>{E(m.ProviderId)}</td></tr>");
        }

        if (messages.Count == 0)
        {
            html.Append("<tr><td colspan=\"9\">尚未收到任何消息。</td></tr>");
        }

        html.Append("</tbody></table></body></html>");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
