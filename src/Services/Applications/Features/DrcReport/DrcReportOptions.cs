namespace CreditPower.Applications.Features.DrcReport;

/// <summary>The <c>Applications:DrcReport</c> section: when commitment letters go to the DRC, and what counts as late.</summary>
internal sealed class DrcReportOptions
{
    public const string SectionName = "Applications:DrcReport";

    /// <summary>Whether the daily batch is made by this process (tests and replicas may turn it off).</summary>
    public bool ScheduleEnabled { get; set; } = true;

    /// <summary>Beijing time of day of the daily batch.</summary>
    public TimeOnly DailyAt { get; set; } = new(2, 0);

    /// <summary>Hours after signing within which a letter must be reported; reported later counts as late.</summary>
    public int DeadlineHours { get; set; } = 48;
}
