using CreditPower.Contracts;

namespace CreditPower.ValueAdded.Domain;

/// <summary>
/// Read model of whether a subject may order value-added services: only green and blue
/// subjects may (DOMAIN.md §8). Fed by <see cref="CreditGradeChanged"/>.
/// </summary>
public sealed class SubjectEligibility
{
    public Guid SubjectId { get; init; }
    public CreditColour Colour { get; set; }
    public bool Eligible { get; set; }
    public DateTimeOffset EffectiveAt { get; set; }

    public void Apply(CreditColour colour, DateTimeOffset effectiveAt)
    {
        Colour = colour;
        Eligible = colour is CreditColour.Green or CreditColour.Blue;
        EffectiveAt = effectiveAt;
    }
}
