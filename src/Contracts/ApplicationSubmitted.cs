namespace CreditPower.Contracts;

/// <summary>
/// Published by Applications when a connection application (新装/增容) is taken at the counter; Notifications tells
/// the applicant it was accepted.
/// </summary>
public sealed record ApplicationSubmitted
{
    public required Guid ApplicationId { get; init; }

    /// <summary>Grading's id of the applicant; <see cref="Guid.Empty"/> when the applicant is not registered in Grading.</summary>
    public required Guid SubjectId { get; init; }

    public required SubjectKind SubjectKind { get; init; }

    /// <summary>
    /// The applicant's USCC or resident ID number (unmasked: it finds the subject when <see cref="SubjectId"/> is empty).
    /// </summary>
    public required string Identifier { get; init; }

    /// <summary>The applicant's name as registered (legal entity or natural person).</summary>
    public required string ApplicantName { get; init; }

    /// <summary><c>new-connection</c> (新装) or <c>capacity-increase</c> (增容).</summary>
    public required string ApplicationType { get; init; }

    /// <summary>The type in Chinese, as the applicant reads it (新装, 增容).</summary>
    public required string ApplicationTypeName { get; init; }

    /// <summary>Whether the application went straight into the green channel (绿色通道).</summary>
    public required bool GreenChannel { get; init; }

    /// <summary>Whether it was taken on the credit path (report + commitment letter instead of property proof).</summary>
    public required bool CreditPath { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }
}
