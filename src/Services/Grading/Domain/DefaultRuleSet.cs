namespace CreditPower.Grading.Domain;

/// <summary>The seeded rule set <c>2021-huaiyin-default</c> of DOMAIN.md §4.</summary>
public static class DefaultRuleSet
{
    public const string Version = "2021-huaiyin-default";

    public static RuleSet Instance { get; } = new(
        Version,
        new EventTypeRule[]
        {
            new("late-payment-1-15", "电费逾期 1–15 天缴清", RuleArea.Payment, -2, 12),
            new("late-payment-16-30", "电费逾期 16–30 天缴清", RuleArea.Payment, -4, 12),
            new("late-payment-over-30", "电费逾期超过 30 天（经催缴）", RuleArea.Payment, -8, 12),
            new("arrears-outstanding", "存在欠费未缴", RuleArea.Payment, -10, null),
            new("repayment-agreement-broken", "违反还款协议", RuleArea.Payment, -10, 12),
            new("payment-returned", "缴费被退回", RuleArea.Payment, -3, 12),
            new("supply-suspended", "因欠费停止供电", RuleArea.Payment, -10, 12),
            new("contract-violation", "违约用电", RuleArea.Compliance, -15, 24),
            new("inspection-refused", "拒绝或阻碍用电检查、抄表", RuleArea.Compliance, -5, 12),
            new("hazard-notice-overdue", "隐患整改通知逾期未整改", RuleArea.Safety, -5, null),
            new("major-hazard-overdue", "重大隐患逾期未整改", RuleArea.Safety, -10, null),
            new("grid-trip-caused", "用户侧故障造成公网跳闸", RuleArea.Safety, -5, 12),
            new("orderly-use-ignored", "未执行有序用电指令", RuleArea.OrderlyUse, -5, 12),
            new("penalty-general", "受到一般行政处罚", RuleArea.PublicCredit, -3, 12),
            new("penalty-safety", "受到安全、消防、特种设备类行政处罚", RuleArea.PublicCredit, -5, 12),
            new("abnormal-operation-list", "被列入经营异常名录", RuleArea.PublicCredit, -3, null),
            new("auto-debit", "签约代扣或预付费计量", RuleArea.Bonus, 2, null),
            new("no-late-24-months", "连续 24 个月无逾期缴费", RuleArea.Bonus, 3, null),
            new("demand-response", "参与需求响应", RuleArea.Bonus, 2, 12, MaxPoints: 4),
            new("commitment-kept", "信用承诺经核实已履行", RuleArea.Bonus, 1, 12),
            new("honour", "列入红名单、A 级纳税人或获其他荣誉", RuleArea.Bonus, 2, 12),
            new("electricity-theft", "经查实窃电", RuleArea.Veto, 0, 24),
            new("serious-dishonesty-list", "被列入严重失信主体名单", RuleArea.Veto, 0, null),
            new("dishonest-judgement-debtor", "被列为失信被执行人", RuleArea.Veto, 0, null),
            new("commitment-broken", "虚假承诺或违背信用承诺", RuleArea.Veto, 0, 12),
            new("facility-damage", "破坏电力设施或暴力阻碍供电服务", RuleArea.Veto, 0, 24),
            new("grid-accident", "用户原因造成电网事故或人身伤亡", RuleArea.Veto, 0, 12),
            new("arrears-3-months", "当年累计欠费 3 个月及以上", RuleArea.Veto, 0, 12),
            new("forged-materials", "伪造申请材料", RuleArea.Veto, 0, 24),
        }.ToDictionary(rule => rule.Code, StringComparer.Ordinal),
        new Dictionary<RuleArea, int>
        {
            [RuleArea.Payment] = 40,
            [RuleArea.Compliance] = 30,
            [RuleArea.Safety] = 15,
            [RuleArea.PublicCredit] = 15,
        },
        BonusCap: 10,
        GreenFrom: 90,
        BlueFrom: 75,
        YellowFrom: 60,
        RedFrom: 40,
        GreenHistoryMonths: 12);
}
