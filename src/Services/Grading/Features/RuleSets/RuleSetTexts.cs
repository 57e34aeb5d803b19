using CreditPower.Grading.Domain;

namespace CreditPower.Grading.Features.RuleSets;

/// <summary>The Chinese words staff and customers read for the parts of a rule set.</summary>
internal static class RuleSetTexts
{
    /// <summary>Areas whose events deduct points; their caps are set per area.</summary>
    public static IReadOnlyList<RuleArea> DeductionAreas { get; } =
        [RuleArea.Payment, RuleArea.Compliance, RuleArea.Safety, RuleArea.OrderlyUse, RuleArea.PublicCredit];

    public static string StatusName(RuleSetStatus status) => status switch
    {
        RuleSetStatus.Draft => "草稿",
        RuleSetStatus.Approved => "已审批，待生效",
        RuleSetStatus.Active => "生效中",
        RuleSetStatus.Superseded => "已失效",
        RuleSetStatus.Rejected => "已驳回",
        _ => status.ToString(),
    };

    /// <summary>"12 个月" / "2 年"; whole years read better on a public page.</summary>
    public static string Months(int months) => months % 12 == 0 ? $"{months / 12} 年" : $"{months} 个月";

    // Open-ended types say what ends them, and the tail DOMAIN.md §4 gives after the cause is cured.
    private static readonly Dictionary<string, string> _openEnded = new(StringComparer.Ordinal)
    {
        ["arrears-outstanding"] = "缴清前持续有效，缴清后再计 3 个月",
        ["hazard-notice-overdue"] = "整改完成前持续有效，整改后再计 6 个月",
        ["major-hazard-overdue"] = "整改完成前持续有效，整改后再计 12 个月",
        ["abnormal-operation-list"] = "列入经营异常名录期间",
        ["serious-dishonesty-list"] = "列入名单期间",
        ["dishonest-judgement-debtor"] = "列入名单期间",
        ["auto-debit"] = "签约代扣或使用预付费期间",
        ["no-late-24-months"] = "条件持续满足期间",
    };

    /// <summary>How long an event counts (or, for a veto, how long the colour stays locked).</summary>
    public static string Period(EventTypeRule rule) => rule.MonthsInForce switch
    {
        null when _openEnded.TryGetValue(rule.Code, out var text) => text,
        { } months => Months(months),
        null when rule.IsVeto => "列入名单或情形存续期间",
        null when rule.Area == RuleArea.Bonus => "情形存续期间",
        null => "情形消除前持续有效",
    };
}
