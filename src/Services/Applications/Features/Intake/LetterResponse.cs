using CreditPower.Applications.Domain;
using CreditPower.Applications.Features.Commitments;

namespace CreditPower.Applications.Features.Intake;

/// <summary>A commitment letter with its signing, its DRC reporting and its promises.</summary>
public sealed record LetterResponse(
    Guid Id, string Number, DateOnly LetterDate, string LegalRepresentative, string? SignedBy, DateTimeOffset? SignedAt,
    string? SigningRecordedBy, DateTimeOffset? ReportedAt, IReadOnlyList<CommitmentResponse> Commitments)
{
    internal static LetterResponse From(CommitmentLetter letter, DateTimeOffset now) => new(
        letter.Id, letter.Number, letter.LetterDate, letter.LegalRepresentative, letter.SignedBy, letter.SignedAt,
        letter.SigningRecordedBy, letter.ReportedAt,
        [.. letter.Commitments.OrderBy(c => c.Kind).Select(c => CommitmentResponse.From(c, letter, now))]);
}
