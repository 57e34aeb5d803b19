using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreditPower.ServiceDefaults.Dates;

/// <summary>
/// Warns at start-up when a time limit set today can reach a year whose holidays the calendar does not list: that year
/// would be counted Monday to Friday, holidays and all, and nothing else says so.
/// </summary>
internal sealed partial class WorkingDayCoverageCheck(
    IOptions<WorkingDayOptions> options, TimeProvider clock, ILogger<WorkingDayCoverageCheck> logger) : IHostedService
{
    /// <summary>How far ahead a time limit set today reaches (the longest are some 60 working days).</summary>
    private static readonly TimeSpan _reach = TimeSpan.FromDays(90);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var listed = options.Value.Holidays.Select(d => d.Year).ToHashSet();
        var today = ChinaDates.Today(clock);
        var reached = ChinaDates.Day(clock.GetUtcNow() + _reach);
        foreach (var year in Enumerable.Range(today.Year, reached.Year - today.Year + 1).Where(y => !listed.Contains(y)))
        {
            LogYearMissing(logger, year);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "WorkingDays lists no holidays for {Year}: time limits reaching into it count Monday to Friday. Add the State Council's notice for {Year} to ServiceDefaults/Dates/working-days.json")]
    private static partial void LogYearMissing(ILogger logger, int year);
}
