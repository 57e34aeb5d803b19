using CreditPower.Notifications.Domain;
using Microsoft.Extensions.Options;

namespace CreditPower.Notifications.Features.Dispatch;

/// <summary>
/// Sends queued SMS and WeChat entries, round after round (<see cref="DispatchRound"/>): woken at once when entries are
/// queued, otherwise looking every <see cref="DispatchOptions.PollInterval"/> for entries whose back-off or quiet hours
/// have ended. <see cref="DispatchOptions.Workers"/> loops run side by side; entries queued during a round wake an idle
/// one, so they are claimed at once instead of after it, and one that claimed a full batch wakes another. Letters and
/// phone calls are people's work, never dispatched here.
/// </summary>
internal sealed partial class ContactDispatcher(
    IServiceScopeFactory scopes,
    DispatchSignal signal,
    IOptions<DispatchOptions> options,
    ILogger<ContactDispatcher> logger) : BackgroundService
{
    public static bool Dispatches(Channel channel) => channel is Channel.Sms or Channel.WeChat;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var claimed = await scope.ServiceProvider.GetRequiredService<DispatchRound>().RunAsync(stoppingToken);
                failures = 0;
                if (claimed == options.Value.BatchSize)
                {
                    // There may be more: let an idle worker look while this one goes round again.
                    signal.Notify();
                }
                else
                {
                    // The queue was empty when claimed from: what was committed since has signalled, so looking again at
                    // once would cost an empty claim a round (half the claims at 500 facts a second: pg_stat_statements).
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                LogRoundFailed(logger, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(15_000, 250 * Math.Pow(2, Math.Min(failures, 6)))), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A dispatch round failed; trying again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
