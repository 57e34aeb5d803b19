using CreditPower.Contracts;

namespace CreditPower.Applications.Domain;

/// <summary>Local read model of a subject's colour, fed by <see cref="CreditGradeChanged"/>.</summary>
public sealed class SubjectColour
{
    public required string Identifier { get; init; }
    public Guid SubjectId { get; set; }
    public CreditColour Colour { get; set; }
    public DateTimeOffset EffectiveAt { get; set; }
}
