using CreditPower.Grading.Features.RuleSets;
using Microsoft.Extensions.Options;

namespace CreditPower.Grading.Features.Reevaluation;

/// <summary>
/// Starts the monthly evaluation (expiries, one-step upgrades) on <see cref="ReevaluationOptions.MonthlyDay"/> at
/// 02:00 Asia/Shanghai. Every replica runs this; the launcher's lock and its "a monthly run started since 02:00"
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
    private static readonly TimeZoneInfo _shanghai = FindShanghai();

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
        var local = TimeZoneInfo.ConvertTime(now, _shanghai);
        var day = Math.Clamp(monthlyDay, 1, DateTime.DaysInMonth(local.Year, local.Month));
        var scheduled = new DateTimeOffset(local.Year, local.Month, day, 2, 0, 0, _shanghai.GetUtcOffset(new DateTime(local.Year, local.Month, day, 2, 0, 0)));
        return local.Day == day && now >= scheduled ? scheduled : null;
    }

    // China has kept UTC+8 without daylight saving since 1991: the fixed offset stands in when tzdata is missing.
    private static TimeZoneInfo FindShanghai()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "Asia/Shanghai", "China Standard Time");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Monthly re-evaluation {RunId} started (scheduled {ScheduledAt})")]
    private static partial void LogStarted(ILogger logger, Guid runId, DateTimeOffset scheduledAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Starting the monthly re-evaluation failed; trying again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
