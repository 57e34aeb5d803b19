using System.Globalization;
using System.Text;
using CreditPower.Contracts;
using CreditPower.Grading.Domain;
using CreditPower.ServiceDefaults.Dates;

namespace CreditPower.Grading.Features.Explanation;

/// <summary>
/// Writes a grade for the customer in plain Chinese: the colour and score, the main reasons with their dates,
/// points and how long they count, any veto or gate that decided the colour, and what the customer can do next.
/// Pure, so its wording is unit-tested.
/// </summary>
internal static class CustomerSummary
{
    private const int MostReasonsListed = 5;

    // How long an open-ended event lasts, in the words of its cause.
    private static readonly Dictionary<string, string> _untilEnded = new(StringComparer.Ordinal)
    {
        ["arrears-outstanding"] = "缴清欠费前持续有效",
        ["hazard-notice-overdue"] = "整改完成前持续有效",
        ["major-hazard-overdue"] = "整改完成前持续有效",
        ["abnormal-operation-list"] = "移出经营异常名录前持续有效",
        ["serious-dishonesty-list"] = "移出名单前持续有效",
        ["dishonest-judgement-debtor"] = "移出名单前持续有效",
    };

    public static string Write(CreditColour colour, int score, IReadOnlyList<ExplainedReason> reasons, RuleSet rules)
    {
        var text = new StringBuilder($"您目前的信用等级为{StatusLabels.For(colour)}（{score} 分）。");
        var vetoes = reasons.Where(r => r.Kind == ReasonKind.Veto).ToList();
        var deductions = reasons.Where(r => r.Kind == ReasonKind.Deduction).ToList();
        var bonuses = reasons.Where(r => r.Kind == ReasonKind.Bonus).ToList();

        if (vetoes.Count > 0)
        {
            text.Append("因存在一票否决情形，信用等级直接评为黑色：")
                .AppendJoin("；", vetoes.Select(v => $"{Occurred(v)}{VetoName(v)}（{Lasts(v, "锁定至")}）"))
                .Append('。');
        }

        if (deductions.Count > 0)
        {
            var main = deductions.OrderBy(d => d.Points).ThenByDescending(d => d.OccurredAt).Take(MostReasonsListed).ToList();
            text.Append(vetoes.Count > 0 ? "此外，扣分原因：" : "主要原因：");
            text.AppendJoin("；", main.Select((d, i) => $"{i + 1}. {Occurred(d)}{d.Description}（扣 {-d.Points} 分，{Lasts(d, null)}）"));
            text.Append(deductions.Count > main.Count ? $"；另有其他 {deductions.Count - main.Count} 项扣分记录。" : "。");
        }
        else if (vetoes.Count == 0)
        {
            text.Append("您目前没有在有效期内的不良信用记录。");
        }

        foreach (var cap in reasons.Where(r => r.Kind == ReasonKind.Cap && r.Code != "cap:bonus"))
        {
            if (Enum.TryParse<RuleArea>(cap.Code["cap:".Length..], out var area) && rules.AreaCaps.TryGetValue(area, out var limit))
            {
                text.Append(CultureInfo.InvariantCulture, $"{StatusLabels.For(area)}类扣分最多计 {limit} 分，超出部分不再扣减。");
            }
        }

        if (bonuses.Count > 0)
        {
            text.Append("加分项：").AppendJoin("、", bonuses.Select(b => $"{b.Description}（加 {b.Points} 分）")).Append('。');
            if (reasons.Any(r => r.Code == "cap:bonus"))
            {
                text.Append(CultureInfo.InvariantCulture, $"加分合计最多计 {rules.BonusCap} 分。");
            }
        }

        var reds = reasons.Where(r => r.Kind == ReasonKind.RedCondition).ToList();
        if (colour == CreditColour.Red && reds.Count > 0)
        {
            text.Append("按评价规则，").AppendJoin("，且", reds.Select(r => r.Description)).Append("，信用等级评为红色。");
        }

        var gates = reasons.Where(r => r.Kind == ReasonKind.Gate).Select(r => GateText(r.Code, rules)).ToList();
        if (colour == CreditColour.Blue && gates.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"您的分数已达到绿色标准（{rules.GreenFrom} 分及以上），但").AppendJoin("，且", gates).Append("，因此暂评为蓝色。");
        }

        foreach (var movement in reasons.Where(r => r.Kind == ReasonKind.Movement))
        {
            text.Append(movement.Code switch
            {
                "movement:upgrade-held" => $"您的情况已符合更高等级，但按规定等级提升须经月度评价或信用修复获批后进行，目前暂保持{StatusLabels.For(colour)}。",
                "movement:one-step" => $"按规定每次评价最多提升一个等级，本次调整为{StatusLabels.For(colour)}。",
                "movement:new-subject" => "新登记的用户从蓝色起评。",
                _ => "",
            });
        }

        text.Append(Advice(colour, vetoes.Count > 0, deductions.Count > 0));
        text.Append("如对评价结果有异议，可向供电营业部提出异议申请。");
        return text.ToString();
    }

    private static string Advice(CreditColour colour, bool vetoed, bool hasDeductions) => colour switch
    {
        CreditColour.Green => "感谢您诚实守信，您可享受新装、增容绿色通道，优先接入和增值服务等便利。",
        CreditColour.Blue => hasDeductions
            ? "您属于诚信客户，可享受新装、增容绿色通道和增值服务等便利；按时缴费、规范用电，有助于提升信用等级。"
            : "您属于诚信客户，可享受新装、增容绿色通道和增值服务等便利。",
        CreditColour.Yellow => "请按时缴费、及时纠正上述问题；问题消除并保持 3 个月无新增不良记录后，信用等级将自动修复。",
        CreditColour.Red => "评为红色期间不能享受绿色通道和增值服务。请尽快纠正上述问题，保持 3 个月无新增不良记录后可申请信用修复。",
        _ => vetoed
            ? "评为黑色期间不能享受绿色通道、增值服务和承诺制办理，并可能需要预付费或提供担保。一票否决情形锁定期满，或保持 6 个月无新增不良记录后，可申请信用修复。"
            : "评为黑色期间不能享受绿色通道、增值服务和承诺制办理，并可能需要预付费或提供担保。请尽快纠正上述问题，保持 6 个月无新增不良记录后可申请信用修复。",
    };

    private static string GateText(string code, RuleSet rules) => code switch
    {
        "gate:arrears" => "目前尚有欠费未缴清",
        "gate:history" => $"信用记录不足 {rules.GreenHistoryMonths} 个月",
        "gate:recent-red-or-black" => "近 12 个月内曾被评为红色或黑色",
        _ => "尚未满足绿色等级的其他条件",
    };

    private static string VetoName(ExplainedReason veto) =>
        veto.Description.StartsWith("一票否决：", StringComparison.Ordinal) ? veto.Description["一票否决：".Length..] : veto.Description;

    private static string Occurred(ExplainedReason reason) => reason.OccurredAt is { } at ? $"{Month(at)}" : "";

    private static string Lasts(ExplainedReason reason, string? lockedPrefix) => reason.ExpiresAt switch
    {
        { } end when lockedPrefix is not null => $"{lockedPrefix}{Month(end)}",
        { } end => $"{Month(end)}前有效",
        null => _untilEnded.GetValueOrDefault(reason.Code, "相关情形消除前持续有效"),
    };

    private static string Month(DateTimeOffset at)
    {
        var local = ChinaDates.Local(at);
        return $"{local.Year}年{local.Month}月";
    }
}
