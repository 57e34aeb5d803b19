using System.Globalization;
using System.Threading.Channels;
using CreditPower.ServiceDefaults.Dates;
using Microsoft.Extensions.Options;

namespace CreditPower.GatewaySimulator.Sms;

/// <summary>
/// Plays the carrier: a short while after each accepted SMS, pushes its delivery receipt to the configured callback URL
/// in batches (as Alibaba's HTTP batch push does), retrying a failed push a few times.
/// </summary>
internal sealed partial class ReceiptPusher(
    IHttpClientFactory httpClients,
    IOptionsMonitor<SmsSimulatorOptions> options,
    ReceiptSettings settings,
    TimeProvider clock,
    ILogger<ReceiptPusher> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private readonly Channel<(SmsReport Report, DateTimeOffset Due)> _pending = Channel.CreateUnbounded<(SmsReport, DateTimeOffset)>();

    public void Schedule(string phoneNumber, string bizId, string? outId, int smsSize, bool delivered)
    {
        var now = clock.GetUtcNow();
        var report = new SmsReport(phoneNumber, BeijingTime(now), BeijingTime(now + options.CurrentValue.ReceiptDelay), delivered,
            delivered ? "DELIVERED" : "MK:0001", delivered ? "用户接收成功" : "用户号码不存在或已停机", smsSize.ToString(CultureInfo.InvariantCulture), bizId, outId);
        _pending.Writer.TryWrite((report, now + options.CurrentValue.ReceiptDelay));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<SmsReport>(BatchSize);
        while (await _pending.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < BatchSize && _pending.Reader.TryRead(out var item))
            {
                var wait = item.Due - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, stoppingToken);
                }

                batch.Add(item.Report);
            }

            await PushAsync(batch, stoppingToken);
            batch.Clear();
        }
    }

    private async Task PushAsync(List<SmsReport> batch, CancellationToken cancellationToken)
    {
        var url = settings.CallbackUrl ?? options.CurrentValue.ReceiptCallbackUrl;
        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }

        using var http = httpClients.CreateClient(nameof(ReceiptPusher));
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                using var response = await http.PostAsJsonAsync(url, batch, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                LogPushRefused(logger, (int)response.StatusCode, batch.Count, attempt);
            }
            catch (HttpRequestException ex)
            {
                LogPushFailed(logger, ex, batch.Count, attempt);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), clock, cancellationToken);
        }
    }

    private static string BeijingTime(DateTimeOffset at) =>
        ChinaDates.Local(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receipt callback answered {Status} for {Count} receipts (attempt {Attempt})")]
    private static partial void LogPushRefused(ILogger logger, int status, int count, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receipt callback failed for {Count} receipts (attempt {Attempt})")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, int count, int attempt);
}
