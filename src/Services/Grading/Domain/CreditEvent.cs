namespace CreditPower.Grading.Domain;

/// <summary>An entry of the event ledger (DOMAIN.md §3).</summary>
public sealed class CreditEvent
{
    public Guid Id { get; init; }
    public Guid SubjectId { get; init; }
    public required string EventType { get; init; }
    public int Points { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public required string Source { get; init; }

    /// <summary>The upstream system's id of the fact; with <see cref="Source"/> it makes a fact idempotent.</summary>
    public string? ExternalId { get; init; }

    public string? AccountNumber { get; init; }

    /// <summary>The rule-set version whose points and expiry this event was recorded under.</summary>
    public required string RuleVersion { get; init; }
    public string? Evidence { get; init; }
    public required string RecordedBy { get; init; }
    public CreditEventStatus Status { get; set; }

    /// <summary>The second officer who approved a manual event (four-eyes); null for upstream facts.</summary>
    public string? ApprovedBy { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>Why the second officer refused a manual event; kept so the recorder can see it.</summary>
    public string? DecisionNote { get; set; }

    /// <summary>When the cause was cured (arrears paid, hazard rectified, delisted); the expiry runs from here.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    public ScoredEvent ToScored() => new(EventType, OccurredAt, ExpiresAt);
}
