using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using System.Xml.Linq;
using Microsoft.Extensions.Options;

namespace CreditPower.GatewaySimulator.WeChat;

/// <summary>
/// Plays WeChat after a template message is accepted: a short while later, pushes the TEMPLATESENDJOBFINISH event (XML,
/// signed with the account's Token in the query string) to the account's server URL, with the Status set for the
/// recipient, retrying a failed push up to three times as WeChat does.
/// </summary>
internal sealed partial class TemplateEventPusher(
    IHttpClientFactory httpClients,
    IOptionsMonitor<WeChatSimulatorOptions> options,
    TemplateEventSettings settings,
    TimeProvider clock,
    ILogger<TemplateEventPusher> logger) : BackgroundService
{
    private readonly Channel<(string OpenId, string MsgId, string Status, DateTimeOffset Due)> _pending =
        Channel.CreateUnbounded<(string, string, string, DateTimeOffset)>();

    public void Schedule(string openId, string msgId)
    {
        var status = settings.Outcome(openId);
        if (status != TemplateEventSettings.None)
        {
            _pending.Writer.TryWrite((openId, msgId, status, clock.GetUtcNow() + options.CurrentValue.EventDelay));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (openId, msgId, status, due) in _pending.Reader.ReadAllAsync(stoppingToken))
        {
            var wait = due - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken);
            }

            await PushAsync(openId, msgId, status, stoppingToken);
        }
    }

    private async Task PushAsync(string openId, string msgId, string status, CancellationToken cancellationToken)
    {
        var wechat = options.CurrentValue;
        var url = settings.ServerUrl ?? wechat.ServerUrl;
        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }

        using var http = httpClients.CreateClient(nameof(TemplateEventPusher));
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var now = clock.GetUtcNow();
            var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
            var signature = WeChatEventSignature.Compute(wechat.ServerToken, timestamp, nonce);
            var target = $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}signature={signature}&timestamp={timestamp}&nonce={nonce}&openid={Uri.EscapeDataString(openId)}";
            var xml = new XElement("xml",
                new XElement("ToUserName", new XCData(wechat.OriginalId)),
                new XElement("FromUserName", new XCData(openId)),
                new XElement("CreateTime", timestamp),
                new XElement("MsgType", new XCData("event")),
                new XElement("Event", new XCData("TEMPLATESENDJOBFINISH")),
                new XElement("MsgID", msgId),
                new XElement("Status", new XCData(status)));
            try
            {
                using var content = new StringContent(xml.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, "text/xml");
                using var response = await http.PostAsync(target, content, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                LogPushRefused(logger, (int)response.StatusCode, msgId, attempt);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Refused, unreachable, timed out or its circuit open: logged and tried again, never the simulator's end.
                LogPushFailed(logger, ex, msgId, attempt);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), clock, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat server URL answered {Status} for the event of message {MsgId} (attempt {Attempt})")]
    private static partial void LogPushRefused(ILogger logger, int status, string msgId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat server URL failed for the event of message {MsgId} (attempt {Attempt})")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string msgId, int attempt);
}
