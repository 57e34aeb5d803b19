using CreditPower.Contracts;
using CreditPower.Grading.Domain;
using CreditPower.ServiceDefaults.Dates;

namespace CreditPower.Grading.Features.Repairs;

/// <summary>
/// Who may apply for credit repair (DOMAIN.md §10): red after 3 clean months, black after 6 or once its veto lock has
/// ended; yellow repairs itself through the monthly evaluation; green and blue have nothing to repair. A clean month
/// is one in which no negative event now in force occurred.
/// </summary>
internal static class RepairEligibility
{
    public const int RedCleanMonths = 3;
    public const int BlackCleanMonths = 6;

    /// <summary>
    /// Null when the subject may apply; otherwise the reason it may not, in Chinese. <paramref name="ledger"/> holds the
    /// subject's events in force, under objection and expired: an expired veto tells that its lock has ended.
    /// </summary>
    public static string? RefusalFor(CreditColour colour, IReadOnlyCollection<CreditEvent> ledger, RuleSet rules, DateTimeOffset now)
    {
        // A record under objection is not cleared yet: until the objection is upheld it still stands against the subject.
        var negativeInForce = ledger
            .Where(e => (e.Status is CreditEventStatus.InForce or CreditEventStatus.UnderObjection) && IsNegative(e, rules) && e.ToScored().IsInForce(now))
            .ToList();
        var lastNegative = negativeInForce.Count == 0 ? (DateTimeOffset?)null : negativeInForce.Max(e => e.OccurredAt);
        switch (colour)
        {
            case CreditColour.Green or CreditColour.Blue:
                return "该主体当前为诚信客户（绿色或蓝色），无需信用修复。";
            case CreditColour.Yellow:
                return "黄色主体无需申请：失信原因消除且连续 3 个月无新增失信记录后，月度评价将自动修复。";
            case CreditColour.Red:
                return IsClean(lastNegative, RedCleanMonths, now)
                    ? null
                    : $"红色主体须连续 {RedCleanMonths} 个月无新增失信记录方可申请修复；最近一条失信记录发生于 {Day(lastNegative!.Value)}，"
                        + $"{Day(lastNegative.Value.AddMonths(RedCleanMonths))} 后可以申请。";
            default:
                var hadVeto = ledger.Any(e => IsVeto(e, rules));
                var vetoInForce = negativeInForce.Any(e => IsVeto(e, rules));
                return IsClean(lastNegative, BlackCleanMonths, now) || (hadVeto && !vetoInForce)
                    ? null
                    : $"黑色主体须连续 {BlackCleanMonths} 个月无新增失信记录，或一票否决的限制期届满后，方可申请修复；"
                        + $"最近一条失信记录发生于 {Day(lastNegative!.Value)}，{Day(lastNegative.Value.AddMonths(BlackCleanMonths))} 后可以申请。";
        }
    }

    /// <summary>Deductions and vetoes; a veto carries no points, only its lock.</summary>
    public static bool IsNegative(CreditEvent e, RuleSet rules) => e.Points < 0 || IsVeto(e, rules);

    private static bool IsVeto(CreditEvent e, RuleSet rules) => rules.Find(e.EventType)?.IsVeto == true;

    private static bool IsClean(DateTimeOffset? lastNegative, int months, DateTimeOffset now) =>
        lastNegative is not { } last || last <= now.AddMonths(-months);

    private static string Day(DateTimeOffset at) => ChinaDates.Format(at);
}
