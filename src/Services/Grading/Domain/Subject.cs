using CreditPower.Contracts;

namespace CreditPower.Grading.Domain;

/// <summary>A credit subject (信用主体) and its current grade.</summary>
public sealed class Subject
{
    public Guid Id { get; init; }
    public SubjectKind Kind { get; init; }
    public required string Identifier { get; init; }
    public required string Name { get; set; }
    public string? LegalRepresentative { get; set; }
    public string? Address { get; set; }
    public string? Mobile { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<PowerAccount> Accounts { get; init; } = [];

    public CreditColour Colour { get; set; }
    public int Score { get; set; }
    public required string RuleVersion { get; set; }
    public DateTimeOffset GradedAt { get; set; }
    public DateTimeOffset? LastRedOrBlackAt { get; set; }
}
