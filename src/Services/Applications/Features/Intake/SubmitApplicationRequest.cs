using CreditPower.Applications.Domain;
using CreditPower.Applications.Features.CreditPath;
using CreditPower.Contracts;

namespace CreditPower.Applications.Features.Intake;

/// <summary>An application as the clerk takes it: property proof, or (legal entities only) the credit path.</summary>
public sealed record SubmitApplicationRequest
{
    public required SubjectKind SubjectKind { get; init; }
    public required string Identifier { get; init; }
    public required string ApplicantName { get; init; }
    public required ApplicationType Type { get; init; }
    public required int CapacityKva { get; init; }
    public required string Address { get; init; }
    public PropertyProofRequest? PropertyProof { get; init; }
    public CreditPathRequest? CreditPath { get; init; }
}
