namespace CreditPower.Portal.Features.Notifications;

/// <summary>The Chinese staff read for the states Notifications reports in English codes.</summary>
internal static class NotificationLabels
{
    public static string CallStatus(string status) => status switch
    {
        "open" => "待拨打",
        "reached" => "已接通",
        "wrongNumber" => "号码错误",
        "refused" => "拒绝沟通",
        "unreached" => "多次未接通，已结束",
        _ => status,
    };

    public static string Outcome(string outcome) => outcome switch
    {
        "reached" => "已接通",
        "noAnswer" => "无人接听",
        "wrongNumber" => "号码错误",
        "refused" => "拒绝沟通",
        _ => outcome,
    };

    public static string DeliveryMethod(string? method) => method switch
    {
        "registeredMail" => "挂号信",
        "ems" => "EMS 特快专递",
        "inPerson" => "当面送达",
        null => "—",
        _ => method,
    };

    public static string Day(DateOnly? day) => day is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
