namespace CreditPower.Grading.Domain;

/// <summary>
/// A stored version of the rules (DOMAIN.md §4 "rule sets are data"): drafted by one officer, approved by a
/// supervisor who is not the author, activated at a time. Every grade names the version that produced it.
/// </summary>
public sealed class RuleSetVersion
{
    public required string Version { get; init; }
    public required string Title { get; set; }
    public RuleSetStatus Status { get; set; }
    public required RuleSetDefinition Definition { get; set; }
    public required string DraftedBy { get; init; }
    public DateTimeOffset DraftedAt { get; init; }
    public string? ApprovedBy { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>When an approved version takes over; the full re-evaluation runs then.</summary>
    public DateTimeOffset? ActivateAt { get; set; }

    public DateTimeOffset? ActivatedAt { get; set; }

    public RuleSet ToRuleSet() => Definition.ToRuleSet(Version);
}
