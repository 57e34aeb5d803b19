using CreditPower.Contracts;

namespace CreditPower.Grading.Domain;

/// <summary>
/// The scoring core of DOMAIN.md §4: a pure function of the events in force, the rule set, the
/// subject's history and the time, so any past grade can be reproduced from the ledger.
/// </summary>
public static class CreditScoring
{
    private const int MaxScore = 100;

    public static GradeResult Evaluate(IEnumerable<ScoredEvent> events, RuleSet rules, GradeContext context, DateTimeOffset asOf)
    {
        var inForce = events
            .Where(e => e.IsInForce(asOf))
            .Select(e => (Event: e, Rule: rules.Find(e.EventType)))
            .Where(x => x.Rule is not null)
            .Select(x => (x.Event, Rule: x.Rule!))
            .OrderBy(x => x.Event.OccurredAt)
            .ToList();

        var reasons = new List<GradeReason>();
        var deductions = 0;
        foreach (var area in inForce.Where(x => x.Rule.Points < 0).GroupBy(x => x.Rule.Area))
        {
            var areaTotal = 0;
            foreach (var (_, rule) in area)
            {
                reasons.Add(new GradeReason(rule.Code, rule.Points, rule.Name));
                areaTotal -= rule.Points;
            }

            if (rules.AreaCaps.TryGetValue(area.Key, out var cap) && areaTotal > cap)
            {
                reasons.Add(new GradeReason($"cap:{area.Key}", areaTotal - cap, $"{StatusLabels.For(area.Key)}扣分以 {cap} 分为上限"));
                areaTotal = cap;
            }

            deductions += areaTotal;
        }

        var bonus = 0;
        foreach (var type in inForce.Where(x => x.Rule.Points > 0).GroupBy(x => x.Rule))
        {
            var typeTotal = Math.Min(type.Count() * type.Key.Points, type.Key.MaxPoints ?? int.MaxValue);
            reasons.Add(new GradeReason(type.Key.Code, typeTotal, type.Key.Name));
            bonus += typeTotal;
        }

        if (bonus > rules.BonusCap)
        {
            reasons.Add(new GradeReason("cap:bonus", rules.BonusCap - bonus, $"加分以 {rules.BonusCap} 分为上限"));
            bonus = rules.BonusCap;
        }

        var score = Math.Clamp(MaxScore - deductions + bonus, 0, MaxScore);
        var colour = ColourFor(score, inForce, rules, context, asOf, reasons);
        colour = ApplyMovement(colour, context, reasons);
        return new GradeResult(score, colour, reasons);
    }

    private static CreditColour ColourFor(
        int score,
        List<(ScoredEvent Event, EventTypeRule Rule)> inForce,
        RuleSet rules,
        GradeContext context,
        DateTimeOffset asOf,
        List<GradeReason> reasons)
    {
        var vetoes = inForce.Where(x => x.Rule.IsVeto).ToList();
        foreach (var (_, rule) in vetoes)
        {
            reasons.Add(new GradeReason(rule.Code, 0, $"一票否决：{rule.Name}"));
        }

        if (vetoes.Count > 0 || score < rules.RedFrom)
        {
            return CreditColour.Black;
        }

        var redConditions = RedConditions(inForce, asOf).ToList();
        reasons.AddRange(redConditions);
        if (redConditions.Count > 0 || score < rules.YellowFrom)
        {
            return CreditColour.Red;
        }

        if (score < rules.BlueFrom)
        {
            return CreditColour.Yellow;
        }

        if (score < rules.GreenFrom)
        {
            return CreditColour.Blue;
        }

        var unmetGates = GreenGates(inForce, rules, context, asOf).ToList();
        reasons.AddRange(unmetGates);
        return unmetGates.Count > 0 ? CreditColour.Blue : CreditColour.Green;
    }

    private static IEnumerable<GradeReason> RedConditions(List<(ScoredEvent Event, EventTypeRule Rule)> inForce, DateTimeOffset asOf)
    {
        if (inForce.Any(x => x.Rule.Code == "arrears-outstanding" && IsUnresolved(x.Event) && x.Event.OccurredAt < asOf.AddDays(-60)))
        {
            yield return new GradeReason("red:arrears-over-60-days", 0, "欠费超过 60 天未缴");
        }

        if (inForce.Any(x => x.Rule.Code == "contract-violation" && x.Event.OccurredAt > asOf.AddMonths(-12)))
        {
            yield return new GradeReason("red:contract-violation", 0, "近 12 个月内有违约用电");
        }

        if (inForce.Any(x => x.Rule.Code == "major-hazard-overdue" && IsUnresolved(x.Event)))
        {
            yield return new GradeReason("red:major-hazard", 0, "重大隐患逾期未整改");
        }
    }

    private static IEnumerable<GradeReason> GreenGates(
        List<(ScoredEvent Event, EventTypeRule Rule)> inForce, RuleSet rules, GradeContext context, DateTimeOffset asOf)
    {
        if (inForce.Any(x => x.Rule.Code == "arrears-outstanding" && IsUnresolved(x.Event)))
        {
            yield return new GradeReason("gate:arrears", 0, "存在欠费，暂不能评为绿色");
        }

        if (context.SubjectSince > asOf.AddMonths(-rules.GreenHistoryMonths))
        {
            yield return new GradeReason("gate:history", 0, $"信用记录不足 {rules.GreenHistoryMonths} 个月，暂不能评为绿色");
        }

        if (context.LastRedOrBlackAt is { } last && last > asOf.AddMonths(-12))
        {
            yield return new GradeReason("gate:recent-red-or-black", 0, "近 12 个月内曾被评为红色或黑色，暂不能评为绿色");
        }
    }

    // "Until paid / rectified, then N months": the later fact sets the expiry, so an event with no expiry
    // is still outstanding, while one with an expiry only deducts its points for the tail period.
    private static bool IsUnresolved(ScoredEvent e) => e.ExpiresAt is null;

    // A downgrade takes effect at once; an upgrade waits for the monthly evaluation and moves one colour.
    private static CreditColour ApplyMovement(CreditColour computed, GradeContext context, List<GradeReason> reasons)
    {
        if (context.PreviousColour is not { } previous)
        {
            if (computed < CreditColour.Blue)
            {
                reasons.Add(new GradeReason("movement:new-subject", 0, "新登记的信用主体从蓝色起评"));
                return CreditColour.Blue;
            }

            return computed;
        }

        if (computed >= previous)
        {
            return computed;
        }

        if (!context.UpgradeAllowed)
        {
            reasons.Add(new GradeReason("movement:upgrade-held", 0, "升级须经月度评价或信用修复，暂保持原颜色"));
            return previous;
        }

        var next = previous - 1;
        if (next != computed)
        {
            reasons.Add(new GradeReason("movement:one-step", 0, "每次评价最多提升一个颜色"));
        }

        return next;
    }
}
