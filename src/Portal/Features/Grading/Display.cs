using System.Globalization;
using CreditPower.ServiceDefaults.Dates;

namespace CreditPower.Portal.Features.Grading;

/// <summary>How the Grading pages write times, points and statuses for staff: Beijing time, signed points, Chinese words.</summary>
internal static class Display
{
    public static string Time(DateTimeOffset? at) => at is { } value ? ChinaDates.NumericWithTime(value) : "—";

    public static string Date(DateTimeOffset? at) => at is { } value ? ChinaDates.Numeric(value) : "—";

    public static string Points(int points) => points > 0 ? $"+{points}" : points.ToString(CultureInfo.InvariantCulture);

    public static string PointsClass(int points) => points < 0 ? "points-neg" : points > 0 ? "points-pos" : "";

    public static string EventStatus(string? status) => status switch
    {
        "pendingApproval" => "待审批",
        "inForce" => "生效中",
        "expired" => "已过期",
        "underObjection" => "异议处理中",
        "repaired" => "已修复",
        "revoked" => "已撤销",
        "rejected" => "已驳回",
        _ => status ?? "—",
    };

    public static string Kind(string? kind) => kind switch
    {
        "legalEntity" => "法人",
        "naturalPerson" => "自然人",
        _ => kind ?? "—",
    };

    public static string Area(string? area) => area switch
    {
        "payment" => "缴费",
        "compliance" => "合规用电",
        "safety" => "用电安全",
        "orderlyUse" => "有序用电",
        "publicCredit" => "公共信用",
        "bonus" => "加分",
        "veto" => "一票否决",
        _ => area ?? "—",
    };
}
