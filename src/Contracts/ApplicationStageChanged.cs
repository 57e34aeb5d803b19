namespace CreditPower.Contracts;

/// <summary>
/// Published by Applications when an application moves to another stage (DOMAIN.md §7); Notifications tells the
/// applicant what happens next and by when.
/// </summary>
public sealed record ApplicationStageChanged
{
    public required Guid ApplicationId { get; init; }

    /// <summary>Grading's id of the applicant; <see cref="Guid.Empty"/> when the applicant is not registered in Grading.</summary>
    public required Guid SubjectId { get; init; }

    public required SubjectKind SubjectKind { get; init; }

    /// <summary>
    /// The applicant's USCC or resident ID number (unmasked: it finds the subject when <see cref="SubjectId"/> is empty).
    /// </summary>
    public required string Identifier { get; init; }
    public required string ApplicantName { get; init; }

    /// <summary>The stage left, as a kebab-case code (e.g. <c>site-survey</c>); null for the first stage.</summary>
    public required string? FromStage { get; init; }

    /// <summary>The stage entered, as a kebab-case code (e.g. <c>supply-plan</c>, <c>completed</c>).</summary>
    public required string ToStage { get; init; }

    /// <summary>The stage entered in Chinese (e.g. 答复供电方案).</summary>
    public required string ToStageName { get; init; }

    /// <summary>When the new stage is due under its time limit; null when the application is finished.</summary>
    public required DateTimeOffset? DueAt { get; init; }

    public required bool GreenChannel { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
