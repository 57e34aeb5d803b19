using CreditPower.Notifications.Domain;

namespace CreditPower.Notifications.Features.CallTasks;

/// <summary>The Chinese a person reads for call task states and outcomes.</summary>
public static class CallTaskLabels
{
    public static string Status(CallTaskStatus status) => status switch
    {
        CallTaskStatus.Open => "待拨打",
        CallTaskStatus.Reached => "已接通",
        CallTaskStatus.WrongNumber => "号码错误",
        CallTaskStatus.Refused => "拒绝沟通",
        CallTaskStatus.Unreached => "多次未接通，已结束",
        _ => status.ToString(),
    };

    public static string Outcome(CallOutcome outcome) => outcome switch
    {
        CallOutcome.Reached => "已接通",
        CallOutcome.NoAnswer => "无人接听",
        CallOutcome.WrongNumber => "号码错误",
        CallOutcome.Refused => "拒绝沟通",
        _ => outcome.ToString(),
    };
}
