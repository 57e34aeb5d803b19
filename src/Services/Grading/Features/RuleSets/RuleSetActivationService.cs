namespace CreditPower.Grading.Features.RuleSets;

/// <summary>
/// Activates approved versions when their time comes. It sleeps until the next scheduled activation (at most a
/// minute, so a version scheduled by another replica is not missed) or until woken by a new schedule here.
/// </summary>
internal sealed partial class RuleSetActivationService(RuleSetActivator activator, TimeProvider clock, ILogger<RuleSetActivationService> logger)
    : BackgroundService
{
    private static readonly TimeSpan _longestSleep = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sleep = _longestSleep;
            try
            {
                await activator.ActivateDueAsync("system", stoppingToken);
                if (await activator.NextDueAsync(stoppingToken) is { } next)
                {
                    var untilNext = next - clock.GetUtcNow();
                    sleep = untilNext < TimeSpan.Zero ? TimeSpan.Zero : untilNext < _longestSleep ? untilNext : _longestSleep;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }

            try
            {
                await activator.WaitForWakeAsync(sleep, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking for due rule-set activations failed; retrying shortly.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
