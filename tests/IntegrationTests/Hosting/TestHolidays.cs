using System.Globalization;
using CreditPower.ServiceDefaults.Dates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CreditPower.IntegrationTests.Hosting;

/// <summary>
/// Two weekdays that Grading and Applications count as public holidays in this run, on top of the shipped notices:
/// the first two weekdays after the Beijing day the run starts. Those services run on the real clock, so a deadline test
/// cannot pick a fixed date; a holiday just ahead of today puts one inside every working-day window the tests open,
/// which a count of plain Monday to Friday would miss. There are two of them in a row so that one still falls inside
/// when a test runs after Beijing midnight following the start of the run.
/// </summary>
public sealed class TestHolidays
{
    // Past the end of the shipped list (working-days.json): configuration merges arrays by index, so a low index
    // would replace a shipped holiday instead of adding one.
    private const int FirstIndex = 1000;

    public TestHolidays(DateOnly runDay)
    {
        var first = NextWeekday(runDay);
        Days = [first, NextWeekday(first)];
    }

    public IReadOnlyList<DateOnly> Days { get; }

    /// <summary>Adds <see cref="Days"/> to a service's <c>WorkingDays:Holidays</c>.</summary>
    public void AddTo(IDictionary<string, string> settings)
    {
        for (var i = 0; i < Days.Count; i++)
        {
            settings[$"{WorkingDayOptions.SectionName}:{nameof(WorkingDayOptions.Holidays)}:{FirstIndex + i}"] =
                Days[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// "Within <paramref name="workingDays"/> working days" of <paramref name="from"/>, counted here by hand rather than
    /// with the calendar under test: the end (Beijing midnight) of the n-th weekday after the Beijing day of
    /// <paramref name="from"/>, skipping <see cref="Days"/>.
    /// </summary>
    public DateTimeOffset DeadlineAfter(DateTimeOffset from, int workingDays) => EndOf(LastDay(from, workingDays, Days));

    /// <summary>The same count over plain Monday to Friday: what a service that ignored holidays would answer.</summary>
    public static DateTimeOffset WeekdayDeadlineAfter(DateTimeOffset from, int workingDays) => EndOf(LastDay(from, workingDays, []));

    /// <summary>
    /// Skips the test when a shipped holiday or make-up working day (调休) falls inside the window: the hand count knows
    /// only Monday to Friday and <see cref="Days"/>, so around a State Council holiday it cannot say the date. Read from
    /// the service's options, not its calendar, so a calendar that got a day wrong still fails the test.
    /// </summary>
    public void SkipWhenShippedDaysFallWithin(IServiceHost service, DateTimeOffset from, int workingDays)
    {
        var options = service.Services.GetRequiredService<IOptions<WorkingDayOptions>>().Value;
        var start = ChinaDates.Day(from);
        var last = LastDay(from, workingDays, Days);
        var shipped = options.Holidays.Except(Days).Concat(options.AdjustedWorkingDays).Where(d => d > start && d <= last).Order().ToList();
        Assert.SkipWhen(shipped.Count > 0,
            $"{service.Name}: the shipped working-day calendar changes {string.Join(", ", shipped)}, inside the {workingDays}-working-day window after {start}.");
    }

    private static DateOnly LastDay(DateTimeOffset from, int workingDays, IReadOnlyList<DateOnly> holidays)
    {
        var day = ChinaDates.Day(from);
        for (var counted = 0; counted < workingDays;)
        {
            day = NextWeekday(day);
            if (!holidays.Contains(day))
            {
                counted++;
            }
        }

        return day;
    }

    private static DateOnly NextWeekday(DateOnly day)
    {
        do
        {
            day = day.AddDays(1);
        }
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);

        return day;
    }

    // In UTC, as the services answer, so a failure shows both dates alike.
    private static DateTimeOffset EndOf(DateOnly day) => new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
}
