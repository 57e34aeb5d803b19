namespace CreditPower.Applications.Features.CreditPath;

public sealed record SignLetterRequest
{
    /// <summary>The person who signed for the subject: the legal representative or an authorised agent.</summary>
    public required string SignedBy { get; init; }
}
