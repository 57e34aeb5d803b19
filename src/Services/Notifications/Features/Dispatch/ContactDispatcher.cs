using CreditPower.Notifications.Domain;
using Microsoft.Extensions.Options;

namespace CreditPower.Notifications.Features.Dispatch;

/// <summary>
/// Sends queued SMS and WeChat entries, round after round (<see cref="DispatchRound"/>): woken at once when entries are
/// queued, otherwise looking every <see cref="DispatchOptions.PollInterval"/> for entries whose back-off or quiet hours
/// have ended. Letters and phone calls are people's work, never dispatched here.
/// </summary>
internal sealed partial class ContactDispatcher(
    IServiceScopeFactory scopes,
    DispatchSignal signal,
    IOptions<DispatchOptions> options,
    ILogger<ContactDispatcher> logger) : BackgroundService
{
    public static bool Dispatches(Channel channel) => channel is Channel.Sms or Channel.WeChat;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var claimed = await scope.ServiceProvider.GetRequiredService<DispatchRound>().RunAsync(stoppingToken);
                failures = 0;
                if (claimed == 0)
                {
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
