namespace CreditPower.Grading.Domain;

/// <summary>The stored (JSON) shape of a rule set: what staff draft and a supervisor approves.</summary>
public sealed record RuleSetDefinition(
    IReadOnlyList<EventTypeRule> EventTypes,
    IReadOnlyDictionary<RuleArea, int> AreaCaps,
    int BonusCap,
    int GreenFrom,
    int BlueFrom,
    int YellowFrom,
    int RedFrom,
    int GreenHistoryMonths)
{
    public RuleSet ToRuleSet(string version) => new(
        version,
        EventTypes.ToDictionary(rule => rule.Code, StringComparer.Ordinal),
        AreaCaps,
        BonusCap,
        GreenFrom,
        BlueFrom,
        YellowFrom,
        RedFrom,
        GreenHistoryMonths);

    public static RuleSetDefinition From(RuleSet rules) => new(
        [.. rules.EventTypes.Values],
        rules.AreaCaps,
        rules.BonusCap,
        rules.GreenFrom,
        rules.BlueFrom,
        rules.YellowFrom,
        rules.RedFrom,
        rules.GreenHistoryMonths);
}
