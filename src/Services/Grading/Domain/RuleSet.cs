namespace CreditPower.Grading.Domain;

/// <summary>A version of the grading rules: event types, area caps and colour thresholds.</summary>
public sealed record RuleSet(
    string Version,
    IReadOnlyDictionary<string, EventTypeRule> EventTypes,
    IReadOnlyDictionary<RuleArea, int> AreaCaps,
    int BonusCap,
    int GreenFrom,
    int BlueFrom,
    int YellowFrom,
    int RedFrom,
    int GreenHistoryMonths)
{
    public EventTypeRule? Find(string eventType) => EventTypes.GetValueOrDefault(eventType);
}
