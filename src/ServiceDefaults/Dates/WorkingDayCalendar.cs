namespace CreditPower.ServiceDefaults.Dates;

/// <summary>
/// Working days (工作日), the one count every statutory time limit uses: objection deadlines (DOMAIN.md §10), the stage
/// time limits of connection applications (§7), the objection window of a notice letter and a call task's retry day.
/// Monday to Friday, less the public holidays, plus the weekend days the State Council's notice turns into working days
/// (调休补班); days are Beijing days (<see cref="ChinaDates"/>). The dates come from the <c>WorkingDays</c> configuration
/// section (<see cref="WorkingDayOptions"/>), one registration for every service (<see cref="WorkingDayExtensions"/>).
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
    /// "Within N working days" of <paramref name="from"/>: the end of the N-th working day after the Beijing day it falls
    /// on — midnight Beijing time at the start of the following day — in UTC, ready for the database.
    /// </summary>
    public DateTimeOffset DeadlineAfter(DateTimeOffset from, int workingDays) =>
        ChinaDates.StartOf(AddWorkingDays(ChinaDates.Day(from), workingDays).AddDays(1));
}
