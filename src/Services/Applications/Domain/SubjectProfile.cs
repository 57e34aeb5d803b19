using CreditPower.Contracts;

namespace CreditPower.Applications.Domain;

/// <summary>
/// Local read model of a subject registered in Grading, fed by <see cref="SubjectProfileChanged"/>: it gives an application
/// the subject's id from intake on, before any colour has arrived.
/// </summary>
public sealed class SubjectProfile
{
    public required string Identifier { get; init; }
    public Guid SubjectId { get; set; }
    public SubjectKind SubjectKind { get; set; }
    public required string Name { get; set; }

    /// <summary>When Grading made the change held; an older message arriving late changes nothing.</summary>
    public DateTimeOffset ChangedAt { get; set; }
}
