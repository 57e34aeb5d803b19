using CreditPower.Contracts;

namespace CreditPower.Grading.Domain;

/// <summary>The Chinese words staff read for each state the archive shows (DOMAIN.md §3, §10).</summary>
internal static class StatusLabels
{
    public static string For(CreditEventStatus status) => status switch
    {
        CreditEventStatus.PendingApproval => "待审批",
        CreditEventStatus.InForce => "生效中",
        CreditEventStatus.Expired => "已过期",
        CreditEventStatus.UnderObjection => "异议处理中",
        CreditEventStatus.Repaired => "已修复",
        CreditEventStatus.Revoked => "已撤销",
        CreditEventStatus.Rejected => "已驳回",
        _ => status.ToString(),
    };

    public static string For(ObjectionStatus status) => status switch
    {
        ObjectionStatus.Submitted => "已提交，待受理",
        ObjectionStatus.Acknowledged => "已受理，待决定",
        ObjectionStatus.Upheld => "异议成立",
        ObjectionStatus.Rejected => "异议不成立",
        ObjectionStatus.ReferredToDrc => "已转发改委处理",
        _ => status.ToString(),
    };

    public static string For(RepairStatus status) => status switch
    {
        RepairStatus.Pending => "待审批",
        RepairStatus.Approved => "已批准修复",
        RepairStatus.Rejected => "未予修复",
        _ => status.ToString(),
    };

    public static string For(CreditColour colour) => colour switch
    {
        CreditColour.Green => "绿色",
        CreditColour.Blue => "蓝色",
        CreditColour.Yellow => "黄色",
        CreditColour.Red => "红色",
        CreditColour.Black => "黑色",
        _ => colour.ToString(),
    };

    public static string For(RuleArea area) => area switch
    {
        RuleArea.Payment => "电费缴纳",
        RuleArea.Compliance => "合规用电",
        RuleArea.Safety => "安全用电",
        RuleArea.OrderlyUse => "有序用电",
        RuleArea.PublicCredit => "公共信用",
        RuleArea.Bonus => "守信加分",
        RuleArea.Veto => "一票否决",
        _ => area.ToString(),
    };
}
