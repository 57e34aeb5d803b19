using CreditPower.ServiceDefaults.Dates;

namespace CreditPower.Grading.Domain;

/// <summary>
/// Working days (工作日) for the deadlines of DOMAIN.md §10: Monday to Friday, less public holidays, plus the
/// weekend days the State Council's holiday notice turns into working days (调休补班). Deadlines are counted in
/// Beijing time (<see cref="ChinaDates"/>).
/// </summary>
public sealed class WorkingDayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> adjustedWorkingDays)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];
    private readonly HashSet<DateOnly> _adjustedWorkingDays = [.. adjustedWorkingDays];

    public bool IsWorkingDay(DateOnly day) =>
        _adjustedWorkingDays.Contains(day)
        || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day));

    /// <summary>The <paramref name="workingDays"/>-th working day after <paramref name="start"/> (the start day itself never counts).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>
    /// "Within N working days" of <paramref name="from"/>: the end of the N-th working day after the day it falls on,
    /// i.e. midnight China Standard Time at the start of the following day.
    /// </summary>
    public DateTimeOffset DeadlineAfter(DateTimeOffset from, int workingDays)
    {
        var localDay = DateOnly.FromDateTime(from.ToOffset(ChinaDates.Offset).DateTime);
        var lastDay = AddWorkingDays(localDay, workingDays);
        return new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaDates.Offset);
    }
}
