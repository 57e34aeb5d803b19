namespace CreditPower.ServiceDefaults.Dates;

/// <summary>
/// The <c>WorkingDays</c> configuration section: the days the State Council's holiday notices change. The shipped
/// defaults (<c>Dates/working-days.json</c>) hold each published year; a new year's notice must be added there.
/// </summary>
public sealed class WorkingDayOptions
{
    public const string SectionName = "WorkingDays";

    /// <summary>Every day of each public holiday period (法定节假日及调休放假), as dates (<c>2026-10-01</c>).</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Weekend days worked in exchange for a holiday (调休上班).</summary>
    public List<DateOnly> AdjustedWorkingDays { get; set; } = [];
}
