namespace CreditPower.Grading.Features.Reevaluation;

/// <summary>The <c>Reevaluation</c> configuration section.</summary>
internal sealed class ReevaluationOptions
{
    public const string SectionName = "Reevaluation";

    /// <summary>How many subject-id ranges a run is cut into; each is applied in one transaction.</summary>
    public int Partitions { get; set; } = 16;

    /// <summary>
    /// The range this replica starts with, so replicas given 0, 1, 2… begin on different ranges; each then takes any
    /// range no one holds, so a run completes whichever replicas are up. Null: start with the first.
    /// </summary>
    public int? PartitionIndex { get; set; }

    /// <summary>Ranges one process works on at once (the scoring is one thread per range).</summary>
    public int Parallelism { get; set; } = 2;

    /// <summary>Day of the month of the monthly evaluation, at 02:00 Beijing time (a shorter month runs on its last day).</summary>
    public int MonthlyDay { get; set; } = 1;
}
