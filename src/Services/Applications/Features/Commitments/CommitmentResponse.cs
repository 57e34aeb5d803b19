using CreditPower.Applications.Domain;

namespace CreditPower.Applications.Features.Commitments;

/// <summary>One promise in the ledger; <see cref="Overdue"/> flags a pending promise whose deadline has passed.</summary>
public sealed record CommitmentResponse(
    Guid Id, Guid ApplicationId, string LetterNumber, string Identifier, string SubjectName, CommitmentKind Kind, string Promise,
    DateTimeOffset Deadline, CommitmentState State, string StateName, bool Overdue, bool LetterSigned, string? VerifiedBy,
    DateTimeOffset? VerifiedAt, string? VerificationNote)
{
    internal static CommitmentResponse From(Commitment commitment, CommitmentLetter letter, DateTimeOffset now) => new(
        commitment.Id, commitment.ApplicationId, letter.Number, commitment.Identifier, letter.SubjectName, commitment.Kind,
        commitment.Promise, commitment.Deadline, commitment.State, NameOf(commitment.State), commitment.IsOverdue(now),
        letter.IsSigned, commitment.VerifiedBy, commitment.VerifiedAt, commitment.VerificationNote);

    public static string NameOf(CommitmentState state) => state switch
    {
        CommitmentState.Kept => "已履约",
        CommitmentState.Broken => "已违诺",
        _ => "待核查",
    };
}
