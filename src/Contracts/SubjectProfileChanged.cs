namespace CreditPower.Contracts;

/// <summary>
/// Published by Grading when a subject is registered or its real-name data, contacts or power accounts change;
/// Notifications keeps its contact read model from it (it never asks Grading at send time).
/// </summary>
public sealed record SubjectProfileChanged
{
    public required Guid SubjectId { get; init; }
    public required SubjectKind SubjectKind { get; init; }

    /// <summary>The USCC or resident ID number (unmasked: consumers key their read models by it).</summary>
    public required string Identifier { get; init; }

    public required string Name { get; init; }
    public required string? LegalRepresentative { get; init; }

    /// <summary>The 11-digit mainland mobile number, unmasked (it is what an SMS is sent to); null when none is known.</summary>
    public required string? Mobile { get; init; }

    /// <summary>The postal address letters are sent to; null when none is known.</summary>
    public required string? Address { get; init; }

    /// <summary>Every power account (户号) the subject holds after the change.</summary>
    public required IReadOnlyList<string> Accounts { get; init; }

    /// <summary>When the change was made; a read model ignores a message older than what it already holds.</summary>
    public required DateTimeOffset ChangedAt { get; init; }
}
