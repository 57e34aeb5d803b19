namespace CreditPower.Grading.Domain;

/// <summary>An event of the ledger as the scoring sees it.</summary>
public sealed record ScoredEvent(string EventType, DateTimeOffset OccurredAt, DateTimeOffset? ExpiresAt)
{
    public bool IsInForce(DateTimeOffset asOf) => OccurredAt <= asOf && (ExpiresAt is null || ExpiresAt > asOf);
}
