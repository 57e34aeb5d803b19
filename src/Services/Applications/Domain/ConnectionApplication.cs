using CreditPower.Contracts;

namespace CreditPower.Applications.Domain;

/// <summary>A connection application (新装/增容); honest customers' open ones travel the green channel.</summary>
public sealed class ConnectionApplication
{
    public Guid Id { get; init; }
    public SubjectKind SubjectKind { get; init; }
    public required string Identifier { get; init; }

    /// <summary>
    /// Grading's id of the subject, known at intake when Grading has registered it; <see cref="Guid.Empty"/> for an applicant
    /// Grading does not know (yet), filled in when its profile or colour arrives.
    /// </summary>
    public Guid SubjectId { get; set; }

    public required string ApplicantName { get; init; }
    public ApplicationType Type { get; init; }

    /// <summary>Requested capacity (报装容量) in kVA: the whole new connection, or the increase.</summary>
    public int CapacityKva { get; init; }

    /// <summary>Where the supply goes (用电地址).</summary>
    public required string Address { get; init; }

    public ApplicationStage Stage { get; set; }
    public DateTimeOffset StageEnteredAt { get; set; }

    /// <summary>When the current stage is due under its time limit (green or normal); null once completed.</summary>
    public DateTimeOffset? StageDueAt { get; set; }

    public DateTimeOffset SubmittedAt { get; init; }
    public required string SubmittedBy { get; init; }
    public bool GreenChannel { get; set; }

    /// <summary>Property proof, or null when the application is on the credit path (report + commitment letter).</summary>
    public PropertyProof? PropertyProof { get; init; }

    public bool CreditPath => PropertyProof is null;

    public List<StageEntry> Timeline { get; init; } = [];

    public bool IsOpen => Stage != ApplicationStage.Completed;

    public bool IsOverdue(DateTimeOffset now) => IsOpen && StageDueAt is { } due && now > due;

    public static bool IsHonest(CreditColour? colour) => colour is CreditColour.Green or CreditColour.Blue;
}
