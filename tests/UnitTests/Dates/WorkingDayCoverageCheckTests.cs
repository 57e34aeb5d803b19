using CreditPower.ServiceDefaults.Dates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CreditPower.UnitTests.Dates;

/// <summary>A year the calendar lists no holidays for is warned about as soon as a time limit set today can reach it.</summary>
public sealed class WorkingDayCoverageCheckTests
{
    private static readonly WorkingDayOptions _only2026 = new() { Holidays = [new DateOnly(2026, 10, 1)] };

    [Theory]
    [InlineData("2026-11-28T02:00:00Z", new[] { 2027 })]
    [InlineData("2026-06-01T02:00:00Z", new int[0])]
    [InlineData("2027-03-01T02:00:00Z", new[] { 2027 })]
    public async Task Warns_for_each_year_within_reach_without_holidays(string now, int[] warnedYears)
    {
        var logger = new RecordingLogger();
        var check = new WorkingDayCoverageCheck(Options.Create(_only2026), new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)), logger);

        await check.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(warnedYears.Select(y => $"WorkingDays lists no holidays for {y}"), logger.Warnings.Select(w => w[..w.IndexOf(':', StringComparison.Ordinal)]));
    }

    private sealed class RecordingLogger : ILogger<WorkingDayCoverageCheck>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
