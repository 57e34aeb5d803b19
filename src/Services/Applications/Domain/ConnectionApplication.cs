using CreditPower.Contracts;

namespace CreditPower.Applications.Domain;

/// <summary>A connection application (新装/增容); honest customers' open ones travel the green channel.</summary>
public sealed class ConnectionApplication
{
    public Guid Id { get; init; }
    public SubjectKind SubjectKind { get; init; }
    public required string Identifier { get; init; }
    public required string ApplicantName { get; init; }
    public ApplicationType Type { get; init; }
    public ApplicationStage Stage { get; set; }
    public DateTimeOffset SubmittedAt { get; init; }
    public required string SubmittedBy { get; init; }
    public bool GreenChannel { get; set; }

    public bool IsOpen => Stage != ApplicationStage.Completed;

    public static bool IsHonest(CreditColour? colour) => colour is CreditColour.Green or CreditColour.Blue;
}
