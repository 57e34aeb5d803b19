namespace CreditPower.Contracts;

/// <summary>
/// Published by Applications when a credit commitment (信用承诺) is verified kept; Grading records it as the
/// bonus event <c>commitment-kept</c> (DOMAIN.md §4, +1 for 12 months).
/// </summary>
public sealed record CommitmentKept
{
    public required Guid ApplicationId { get; init; }
    public required Guid SubjectId { get; init; }

    /// <summary>The subject's USCC or resident ID number, unmasked.</summary>
    public required string Identifier { get; init; }

    /// <summary>The commitment's id in Applications' ledger; with the source it makes the event idempotent.</summary>
    public required Guid CommitmentId { get; init; }

    /// <summary>What was promised, in Chinese, as the letter says it (e.g. 90 日内补齐产权证明).</summary>
    public required string Promise { get; init; }

    /// <summary>The date by which the promise was due.</summary>
    public required DateTimeOffset Deadline { get; init; }

    /// <summary>When an officer verified the commitment kept; the event occurred then.</summary>
    public required DateTimeOffset VerifiedAt { get; init; }

    /// <summary>The staff member who verified it.</summary>
    public required string VerifiedBy { get; init; }
}
