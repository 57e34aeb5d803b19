using CreditPower.Applications.Domain;

namespace CreditPower.Applications.Features.Commitments;

public sealed record VerifyCommitmentRequest
{
    /// <summary><c>kept</c> or <c>broken</c>.</summary>
    public required CommitmentState Outcome { get; init; }

    /// <summary>What the verification rests on (the documents seen, the inspection record); required, it is evidence.</summary>
    public required string Note { get; init; }
}
