using CreditPower.Applications.Domain;

namespace CreditPower.Applications.Features.Lifecycle;

/// <summary>One stage's time limits, normal and in the green channel.</summary>
public sealed class StageLimitSetting
{
    public int Normal { get; set; }
    public TimeLimitUnit NormalUnit { get; set; } = TimeLimitUnit.WorkingDays;
    public int Green { get; set; }
    public TimeLimitUnit GreenUnit { get; set; } = TimeLimitUnit.WorkingDays;

    public TimeLimit For(bool greenChannel) => greenChannel ? new(Green, GreenUnit) : new(Normal, NormalUnit);
}
