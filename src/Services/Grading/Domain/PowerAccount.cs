namespace CreditPower.Grading.Domain;

/// <summary>A power account (户号) held by a subject.</summary>
public sealed class PowerAccount
{
    public Guid Id { get; init; }
    public Guid SubjectId { get; init; }
    public required string Number { get; init; }
}
