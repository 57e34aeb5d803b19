namespace CreditPower.Applications.Domain;

/// <summary>One promise of a commitment letter in the commitment ledger: what, by when, and what staff found.</summary>
public sealed class Commitment
{
    public Guid Id { get; init; }
    public Guid LetterId { get; init; }
    public Guid ApplicationId { get; init; }

    /// <summary>The subject's USCC, kept here so the ledger answers "has this subject broken a promise" without joins.</summary>
    public required string Identifier { get; init; }

    public CommitmentKind Kind { get; init; }

    /// <summary>The promise in Chinese, exactly as the letter prints it.</summary>
    public required string Promise { get; init; }

    public DateTimeOffset Deadline { get; init; }
    public CommitmentState State { get; set; }
    public string? VerifiedBy { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public string? VerificationNote { get; set; }

    public bool IsOverdue(DateTimeOffset now) => State == CommitmentState.Pending && now > Deadline;
}
