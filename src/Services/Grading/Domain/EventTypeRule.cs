namespace CreditPower.Grading.Domain;

/// <summary>
/// How one event type counts: its points (negative deducts), how long it stays in force
/// (null: until it is ended by a later fact, such as payment or delisting), and for vetoes the lock.
/// </summary>
public sealed record EventTypeRule(string Code, string Name, RuleArea Area, int Points, int? MonthsInForce, int? MaxPoints = null)
{
    public bool IsVeto => Area == RuleArea.Veto;

    public DateTimeOffset? ExpiresAt(DateTimeOffset occurredAt) => MonthsInForce is { } months ? occurredAt.AddMonths(months) : null;
}
