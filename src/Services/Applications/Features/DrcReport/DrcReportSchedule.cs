using CreditPower.ServiceDefaults.Dates;
using Microsoft.Extensions.Options;

namespace CreditPower.Applications.Features.DrcReport;

/// <summary>
/// Makes the daily batch at <see cref="DrcReportOptions.DailyAt"/> Beijing time. Every replica runs this; the writer's
/// lock and the one-batch-per-scheduled-day rule make it one batch a day. A process that was down at the hour makes
/// the day's batch when it comes back, the same day.
/// </summary>
internal sealed partial class DrcReportSchedule(
    IServiceScopeFactory scopes, IOptionsMonitor<DrcReportOptions> options, TimeProvider clock, ILogger<DrcReportSchedule> logger)
    : BackgroundService
{
    public const string ScheduleUser = "system:drc-schedule";
    private static readonly TimeSpan _tick = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (options.CurrentValue.ScheduleEnabled && DueDay(clock.GetUtcNow(), options.CurrentValue.DailyAt) is { } day)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var writer = scope.ServiceProvider.GetRequiredService<DrcBatchWriter>();
                    if (await writer.WriteAsync(ScheduleUser, day, stoppingToken) is { } batch)
                    {
                        LogWritten(logger, batch.Sequence, batch.LetterCount, day);
                    }
                }

                await Task.Delay(_tick, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
                await Task.Delay(_tick, clock, stoppingToken);
            }
        }
    }

    /// <summary>Today's Beijing date once its batch time has passed; null before it.</summary>
    internal static DateOnly? DueDay(DateTimeOffset now, TimeOnly dailyAt)
    {
        var today = ChinaDates.Day(now);
        return now >= ChinaDates.At(today, dailyAt) ? today : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "DRC commitment batch {Sequence} written with {LetterCount} letters for {Day}")]
    private static partial void LogWritten(ILogger logger, int sequence, int letterCount, DateOnly day);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the scheduled DRC commitment batch failed; trying again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
