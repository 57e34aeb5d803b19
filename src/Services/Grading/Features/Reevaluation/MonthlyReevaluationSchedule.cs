using CreditPower.Grading.Features.RuleSets;
using CreditPower.ServiceDefaults.Dates;
using Microsoft.Extensions.Options;

namespace CreditPower.Grading.Features.Reevaluation;

/// <summary>
/// Starts the monthly evaluation (expiries, one-step upgrades) on <see cref="ReevaluationOptions.MonthlyDay"/> at
/// 02:00 Beijing time. Every replica runs this; the launcher's lock and its "a monthly run started since 02:00"
/// check make it one run per month. A replica that was down at 02:00 still starts it later that day.
/// </summary>
internal sealed partial class MonthlyReevaluationSchedule(
    ReevaluationLauncher launcher,
    ActiveRuleSet activeRules,
    IOptions<ReevaluationOptions> options,
    TimeProvider clock,
    ILogger<MonthlyReevaluationSchedule> logger) : BackgroundService
{
    private static readonly TimeSpan _tick = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var scheduledAt = ScheduledAt(clock.GetUtcNow(), options.Value.MonthlyDay);
                if (scheduledAt is { } due)
                {
                    var rules = await activeRules.GetAsync(stoppingToken);
                    if (await launcher.StartScheduledMonthlyAsync(rules.Version, due, stoppingToken) is { } runId)
                    {
                        LogStarted(logger, runId, due);
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

    /// <summary>This month's 02:00 on the configured day, when <paramref name="now"/> is on that day and past it; else null.</summary>
    internal static DateTimeOffset? ScheduledAt(DateTimeOffset now, int monthlyDay)
    {
        var today = ChinaDates.Day(now);
        var day = Math.Clamp(monthlyDay, 1, DateTime.DaysInMonth(today.Year, today.Month));
        var scheduled = ChinaDates.At(new DateOnly(today.Year, today.Month, day), new TimeOnly(2, 0));
        return today.Day == day && now >= scheduled ? scheduled : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Monthly re-evaluation {RunId} started (scheduled {ScheduledAt})")]
    private static partial void LogStarted(ILogger logger, Guid runId, DateTimeOffset scheduledAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Starting the monthly re-evaluation failed; trying again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
