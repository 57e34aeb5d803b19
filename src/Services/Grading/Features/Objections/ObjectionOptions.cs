namespace CreditPower.Grading.Features.Objections;

/// <summary>
/// Deadlines of DOMAIN.md §10, in working days; section <c>Objections</c> of the configuration. The working days
/// themselves (holidays, 调休) are the shared <c>WorkingDays</c> section.
/// </summary>
public sealed class ObjectionOptions
{
    public const string SectionName = "Objections";

    public int AcknowledgeWorkingDays { get; set; } = 1;

    public int DecideWorkingDays { get; set; } = 10;
}
