namespace CreditPower.Grading.Features.Reevaluation;

/// <summary>
/// Runs re-evaluations on this replica: the oldest unfinished run, every range no other replica holds. Polls too, so
/// replicas join runs started elsewhere and a run left by a crashed replica is taken up again.
/// </summary>
internal sealed partial class ReevaluationWorker(
    ReevaluationExecutor executor,
    ReevaluationSignal signal,
    ILogger<ReevaluationWorker> logger) : BackgroundService
{
    private static readonly TimeSpan _poll = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var run = await executor.NextRunAsync(stoppingToken);
                var finished = run is not null && await executor.WorkOnAsync(run, stoppingToken);
                if (!finished)
                {
                    // Nothing to do, or the rest of the run is in other replicas' hands.
                    await signal.WaitAsync(_poll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogWorkerFailed(logger, ex);
                await signal.WaitAsync(_poll, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-evaluation worker failed; retrying")]
    private static partial void LogWorkerFailed(ILogger logger, Exception exception);
}
