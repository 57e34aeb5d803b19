namespace CreditPower.Contracts;

/// <summary>Published by Grading whenever a subject's colour changes.</summary>
public sealed record CreditGradeChanged
{
    public required Guid SubjectId { get; init; }
    public required SubjectKind SubjectKind { get; init; }

    /// <summary>The USCC or resident ID number (unmasked: consumers key their read models by it).</summary>
    public required string Identifier { get; init; }

    public required string Name { get; init; }
    public required IReadOnlyList<string> Accounts { get; init; }

    /// <summary>The colour before; null for a subject graded for the first time.</summary>
    public required CreditColour? OldColour { get; init; }

    public required CreditColour NewColour { get; init; }
    public required int Score { get; init; }
    public required IReadOnlyList<GradeReason> Reasons { get; init; }
    public required string RuleVersion { get; init; }
    public required DateTimeOffset EffectiveAt { get; init; }
}
