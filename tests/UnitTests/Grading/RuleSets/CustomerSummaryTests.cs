using CreditPower.Contracts;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.Explanation;
using Xunit;

namespace CreditPower.UnitTests.Grading.RuleSets;

/// <summary>The customer's summary says the colour, the score, each main reason with its date, points and period, and what to do next.</summary>
public sealed class CustomerSummaryTests
{
    private static readonly RuleSet _rules = DefaultRuleSet.Instance;

    // Noon UTC keeps the Beijing month the same as the UTC month.
    private static DateTimeOffset Month(int year, int month) => new(year, month, 10, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Yellow_lists_each_deduction_with_its_month_points_and_end_and_says_how_it_repairs_itself()
    {
        ExplainedReason[] reasons =
        [
            new("late-payment-16-30", ReasonKind.Deduction, -4, "电费逾期 16–30 天缴清", Month(2026, 10), Month(2027, 10)),
            new("late-payment-over-30", ReasonKind.Deduction, -8, "电费逾期超过 30 天（经催缴）", Month(2026, 8), Month(2027, 8)),
            new("arrears-outstanding", ReasonKind.Deduction, -10, "存在欠费未缴", Month(2026, 11)),
            new("inspection-refused", ReasonKind.Deduction, -5, "拒绝或阻碍用电检查、抄表", Month(2026, 9), Month(2027, 9)),
        ];

        var summary = CustomerSummary.Write(CreditColour.Yellow, 73, reasons, _rules);

        Assert.StartsWith("您目前的信用等级为黄色（73 分）。主要原因：", summary, StringComparison.Ordinal);
        Assert.Contains("1. 2026年11月存在欠费未缴（扣 10 分，缴清欠费前持续有效）", summary, StringComparison.Ordinal);
        Assert.Contains("2. 2026年8月电费逾期超过 30 天（经催缴）（扣 8 分，2027年8月前有效）", summary, StringComparison.Ordinal);
        Assert.Contains("4. 2026年10月电费逾期 16–30 天缴清（扣 4 分，2027年10月前有效）。", summary, StringComparison.Ordinal);
        Assert.Contains("保持 3 个月无新增不良记录后，信用等级将自动修复", summary, StringComparison.Ordinal);
        Assert.EndsWith("如对评价结果有异议，可向供电营业部提出异议申请。", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Black_by_veto_names_the_veto_and_its_lock_and_when_repair_may_be_asked()
    {
        ExplainedReason[] reasons = [new("electricity-theft", ReasonKind.Veto, 0, "一票否决：经查实窃电", Month(2026, 6), Month(2028, 6))];

        var summary = CustomerSummary.Write(CreditColour.Black, 100, reasons, _rules);

        Assert.StartsWith(
            "您目前的信用等级为黑色（100 分）。因存在一票否决情形，信用等级直接评为黑色：2026年6月经查实窃电（锁定至2028年6月）。",
            summary, StringComparison.Ordinal);
        Assert.DoesNotContain("主要原因", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("没有在有效期内的不良信用记录", summary, StringComparison.Ordinal);
        Assert.Contains("一票否决情形锁定期满，或保持 6 个月无新增不良记录后，可申请信用修复", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_listed_veto_lasts_until_delisted()
    {
        ExplainedReason[] reasons = [new("dishonest-judgement-debtor", ReasonKind.Veto, 0, "一票否决：被列为失信被执行人", Month(2026, 3))];

        var summary = CustomerSummary.Write(CreditColour.Black, 100, reasons, _rules);

        Assert.Contains("2026年3月被列为失信被执行人（移出名单前持续有效）", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Red_by_condition_says_which_condition_made_it_red_and_what_red_costs()
    {
        ExplainedReason[] reasons =
        [
            new("contract-violation", ReasonKind.Deduction, -15, "违约用电", Month(2026, 9), Month(2028, 9)),
            new("red:contract-violation", ReasonKind.RedCondition, 0, "近 12 个月内有违约用电"),
        ];

        var summary = CustomerSummary.Write(CreditColour.Red, 85, reasons, _rules);

        Assert.Contains("1. 2026年9月违约用电（扣 15 分，2028年9月前有效）。", summary, StringComparison.Ordinal);
        Assert.Contains("按评价规则，近 12 个月内有违约用电，信用等级评为红色。", summary, StringComparison.Ordinal);
        Assert.Contains("不能享受绿色通道和增值服务", summary, StringComparison.Ordinal);
        Assert.Contains("保持 3 个月无新增不良记录后可申请信用修复", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Blue_held_back_by_gates_says_the_score_is_green_and_why_not_yet()
    {
        ExplainedReason[] reasons =
        [
            new("gate:history", ReasonKind.Gate, 0, "信用记录不足 12 个月，暂不能评为绿色"),
            new("gate:arrears", ReasonKind.Gate, 0, "存在欠费，暂不能评为绿色"),
        ];

        var summary = CustomerSummary.Write(CreditColour.Blue, 100, reasons, _rules);

        Assert.StartsWith("您目前的信用等级为蓝色（100 分）。您目前没有在有效期内的不良信用记录。", summary, StringComparison.Ordinal);
        Assert.Contains("您的分数已达到绿色标准（90 分及以上），但信用记录不足 12 个月，且目前尚有欠费未缴清，因此暂评为蓝色。", summary, StringComparison.Ordinal);
        Assert.Contains("您属于诚信客户", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Green_thanks_the_customer_and_names_bonuses_and_their_cap()
    {
        ExplainedReason[] reasons =
        [
            new("auto-debit", ReasonKind.Bonus, 2, "签约代扣或预付费计量", Month(2025, 1)),
            new("demand-response", ReasonKind.Bonus, 4, "参与需求响应", Month(2026, 7), Month(2027, 7)),
            new("honour", ReasonKind.Bonus, 6, "列入红名单、A 级纳税人或获其他荣誉", Month(2026, 7), Month(2027, 7)),
            new("cap:bonus", ReasonKind.Cap, -2, "加分以 10 分为上限"),
        ];

        var summary = CustomerSummary.Write(CreditColour.Green, 100, reasons, _rules);

        Assert.StartsWith("您目前的信用等级为绿色（100 分）。", summary, StringComparison.Ordinal);
        Assert.Contains("加分项：签约代扣或预付费计量（加 2 分）、参与需求响应（加 4 分）", summary, StringComparison.Ordinal);
        Assert.Contains("加分合计最多计 10 分。", summary, StringComparison.Ordinal);
        Assert.Contains("感谢您诚实守信", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void An_area_cap_and_a_held_upgrade_are_explained()
    {
        ExplainedReason[] reasons =
        [
            new("supply-suspended", ReasonKind.Deduction, -10, "因欠费停止供电", Month(2026, 1), Month(2027, 1)),
            new("cap:Payment", ReasonKind.Cap, 5, "电费缴纳扣分以 40 分为上限"),
            new("movement:upgrade-held", ReasonKind.Movement, 0, "升级须经月度评价或信用修复，暂保持原颜色"),
        ];

        var summary = CustomerSummary.Write(CreditColour.Yellow, 76, reasons, _rules);

        Assert.Contains("电费缴纳类扣分最多计 40 分，超出部分不再扣减。", summary, StringComparison.Ordinal);
        Assert.Contains("等级提升须经月度评价或信用修复获批后进行，目前暂保持黄色。", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_five_deductions_are_summarised_by_count()
    {
        var reasons = Enumerable.Range(1, 7)
            .Select(i => new ExplainedReason("payment-returned", ReasonKind.Deduction, -3, "缴费被退回", Month(2026, i), Month(2027, i)))
            .ToList();

        var summary = CustomerSummary.Write(CreditColour.Blue, 79, reasons, _rules);

        Assert.Contains("5. ", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("6. ", summary, StringComparison.Ordinal);
        Assert.Contains("另有其他 2 项扣分记录。", summary, StringComparison.Ordinal);
    }
}
