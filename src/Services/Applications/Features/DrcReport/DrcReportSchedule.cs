using CreditPower.ServiceDefaults.Dates;
using Microsoft.Extensions.Options;

namespace CreditPower.Applications.Features.DrcReport;

/// <summary>
/// Makes the daily batch at <see cref="DrcReportOptions.DailyAt"/> Beijing time. Every replica runs this; the writer's
/// lock and the one-batch-per-scheduled-day rule make it one batch a day. A process that was down at the hour makes
/// the day's batch when it comes back, the same day. Between batches it sleeps until the next one is due (or its
/// settings change): the database is asked once a day, not every minute.
/// </summary>
internal sealed partial class DrcReportSchedule(
    IServiceScopeFactory scopes, IOptionsMonitor<DrcReportOptions> options, TimeProvider clock, ILogger<DrcReportSchedule> logger)
    : BackgroundService
{
    public const string ScheduleUser = "system:drc-schedule";
    private static readonly TimeSpan _retry = TimeSpan.FromMinutes(1);

    // Timers run on the monotonic clock, the due time is on the wall clock: waking at least hourly (and only looking at
    // the clock then) keeps a wall clock that was set forward, or a host resumed from suspend, from delaying the batch a day.
    private static readonly TimeSpan _longestSleep = TimeSpan.FromHours(1);

    // The last scheduled day known to have its batch: waking again the same day asks the database nothing.
    private DateOnly? _made;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
                wait = _retry;
            }

            await SleepAsync(wait, stoppingToken);
        }
    }

    /// <summary>Writes the day's batch if it is due, and says how long to sleep before looking again.</summary>
    private async Task<TimeSpan> RunDueAsync(CancellationToken stoppingToken)
    {
        var settings = options.CurrentValue;
        if (!settings.ScheduleEnabled)
        {
            return Timeout.InfiniteTimeSpan;
        }

        if (DueDay(clock.GetUtcNow(), settings.DailyAt) is { } day && day != _made)
        {
            await using var scope = scopes.CreateAsyncScope();
            var writer = scope.ServiceProvider.GetRequiredService<DrcBatchWriter>();
            // Null when the day already has its batch (another replica, or this one before a restart): done either way.
            if (await writer.WriteAsync(ScheduleUser, day, stoppingToken) is { } batch)
            {
                LogWritten(logger, batch.Sequence, batch.LetterCount, day);
            }

            _made = day;
        }

        var now = clock.GetUtcNow();
        var wait = NextRun(now, settings.DailyAt) - now;
        return wait < _longestSleep ? wait : _longestSleep;
    }

    /// <summary>Sleeps for <paramref name="wait"/>, or until the settings change (a new hour, the schedule turned on or off).</summary>
    private async Task SleepAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        using var woken = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using (options.OnChange(_ => Wake(woken)))
        {
            try
            {
                await Task.Delay(wait, clock, woken.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The settings changed: look again now.
            }
            catch (OperationCanceledException)
            {
                // Stopping: the loop ends.
            }
        }
    }

    private static void Wake(CancellationTokenSource woken)
    {
        try
        {
            woken.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The change arrived as the sleep ended; the next pass reads the new settings anyway.
        }
    }

    /// <summary>Today's Beijing date once its batch time has passed; null before it.</summary>
    internal static DateOnly? DueDay(DateTimeOffset now, TimeOnly dailyAt)
    {
        var today = ChinaDates.Day(now);
        return now >= ChinaDates.At(today, dailyAt) ? today : null;
    }

    /// <summary>The first batch time after <paramref name="now"/>: today's if it is still ahead, else tomorrow's.</summary>
    internal static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly dailyAt)
    {
        var today = ChinaDates.Day(now);
        var todays = ChinaDates.At(today, dailyAt);
        return now < todays ? todays : ChinaDates.At(today.AddDays(1), dailyAt);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "DRC commitment batch {Sequence} written with {LetterCount} letters for {Day}")]
    private static partial void LogWritten(ILogger logger, int sequence, int letterCount, DateOnly day);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the scheduled DRC commitment batch failed; trying again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
