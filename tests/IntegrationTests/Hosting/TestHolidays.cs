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
    /// "Within <paramref name="workingDays"/> working days" of <paramref name="from"/> in <paramref name="service"/>,
    /// counted here by hand rather than with the calendar under test: the end (Beijing midnight) of the n-th day after
    /// the Beijing day of <paramref name="from"/> that is a weekday and not one of the service's configured holidays
    /// (the shipped notices and <see cref="Days"/>), or one of its make-up working days (调休). Read from the service's
    /// options, not its calendar, so a calendar that got a day wrong fails the test.
    /// </summary>
    public static DateTimeOffset DeadlineAfter(IServiceHost service, DateTimeOffset from, int workingDays)
    {
        var options = service.Services.GetRequiredService<IOptions<WorkingDayOptions>>().Value;
        return EndOf(LastDay(from, workingDays, day =>
            options.AdjustedWorkingDays.Contains(day) || (IsWeekday(day) && !options.Holidays.Contains(day))));
    }

    /// <summary>The same count over plain Monday to Friday: what a service that ignored holidays would answer.</summary>
    public static DateTimeOffset WeekdayDeadlineAfter(DateTimeOffset from, int workingDays) => EndOf(LastDay(from, workingDays, IsWeekday));

    private static DateOnly LastDay(DateTimeOffset from, int workingDays, Func<DateOnly, bool> isWorkingDay)
    {
        var day = ChinaDates.Day(from);
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (isWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    private static bool IsWeekday(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

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
