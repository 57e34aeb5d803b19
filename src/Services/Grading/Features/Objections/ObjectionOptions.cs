namespace CreditPower.Grading.Features.Objections;

/// <summary>Deadlines of DOMAIN.md §10, in working days; section <c>Objections</c> of the configuration.</summary>
public sealed class ObjectionOptions
{
    public const string SectionName = "Objections";

    public int AcknowledgeWorkingDays { get; set; } = 1;

    public int DecideWorkingDays { get; set; } = 10;

    /// <summary>Public holidays (法定节假日) that fall on weekdays, as dates (<c>2026-10-01</c>).</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Weekend days worked in exchange for a holiday (调休补班).</summary>
    public List<DateOnly> AdjustedWorkingDays { get; set; } = [];
}
