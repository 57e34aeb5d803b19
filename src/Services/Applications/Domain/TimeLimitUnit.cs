namespace CreditPower.Applications.Domain;

/// <summary>How a stage's time limit is counted.</summary>
public enum TimeLimitUnit
{
    /// <summary>工作日: Monday to Friday less public holidays, plus make-up working days (调休), Beijing time; the stage is due at the end of the last working day.</summary>
    WorkingDays = 1,

    /// <summary>小时: elapsed hours, for the short green-channel limits.</summary>
    Hours = 2,
}
