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

        var texts = ReasonTexts.For(rules);
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
                reasons.Add(texts.Reason(ReasonTexts.CapCode(area.Key), areaTotal - cap));
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
            reasons.Add(texts.Reason(ReasonTexts.BonusCap, rules.BonusCap - bonus));
            bonus = rules.BonusCap;
        }

        var score = Math.Clamp(MaxScore - deductions + bonus, 0, MaxScore);
        var colour = ColourFor(score, inForce, rules, context, asOf, reasons);
        colour = ApplyMovement(colour, context, texts, reasons);
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
            reasons.Add(new GradeReason(rule.Code, 0, ReasonTexts.VetoWords(rule)));
        }

        if (vetoes.Count > 0 || score < rules.RedFrom)
        {
            return CreditColour.Black;
        }

        var texts = ReasonTexts.For(rules);
        var redConditions = RedConditions(inForce, asOf, texts).ToList();
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

        var unmetGates = GreenGates(inForce, rules, context, asOf, texts).ToList();
        reasons.AddRange(unmetGates);
        return unmetGates.Count > 0 ? CreditColour.Blue : CreditColour.Green;
    }

    private static IEnumerable<GradeReason> RedConditions(
        List<(ScoredEvent Event, EventTypeRule Rule)> inForce, DateTimeOffset asOf, ReasonTexts texts)
    {
        if (inForce.Any(x => x.Rule.Code == "arrears-outstanding" && IsUnresolved(x.Event) && x.Event.OccurredAt < asOf.AddDays(-60)))
        {
            yield return texts.Reason(ReasonTexts.RedArrears, 0);
        }

        if (inForce.Any(x => x.Rule.Code == "contract-violation" && x.Event.OccurredAt > asOf.AddMonths(-12)))
        {
            yield return texts.Reason(ReasonTexts.RedContractViolation, 0);
        }

        if (inForce.Any(x => x.Rule.Code == "major-hazard-overdue" && IsUnresolved(x.Event)))
        {
            yield return texts.Reason(ReasonTexts.RedMajorHazard, 0);
        }
    }

    private static IEnumerable<GradeReason> GreenGates(
        List<(ScoredEvent Event, EventTypeRule Rule)> inForce, RuleSet rules, GradeContext context, DateTimeOffset asOf, ReasonTexts texts)
    {
        if (inForce.Any(x => x.Rule.Code == "arrears-outstanding" && IsUnresolved(x.Event)))
        {
            yield return texts.Reason(ReasonTexts.GateArrears, 0);
        }

        if (context.SubjectSince > asOf.AddMonths(-rules.GreenHistoryMonths))
        {
            yield return texts.Reason(ReasonTexts.GateHistory, 0);
        }

        if (context.LastRedOrBlackAt is { } last && last > asOf.AddMonths(-12))
        {
            yield return texts.Reason(ReasonTexts.GateRecentRedOrBlack, 0);
        }
    }

    // "Until paid / rectified, then N months": the later fact sets the expiry, so an event with no expiry
    // is still outstanding, while one with an expiry only deducts its points for the tail period.
    private static bool IsUnresolved(ScoredEvent e) => e.ExpiresAt is null;

    // A downgrade takes effect at once; an upgrade waits for the monthly evaluation and moves one colour.
    private static CreditColour ApplyMovement(CreditColour computed, GradeContext context, ReasonTexts texts, List<GradeReason> reasons)
    {
        if (context.PreviousColour is not { } previous)
        {
            if (computed < CreditColour.Blue)
            {
                reasons.Add(texts.Reason(ReasonTexts.NewSubject, 0));
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
            reasons.Add(texts.Reason(ReasonTexts.UpgradeHeld, 0));
            return previous;
        }

        var next = previous - 1;
        if (next != computed)
        {
            reasons.Add(texts.Reason(ReasonTexts.OneStep, 0));
        }

        return next;
    }
}
