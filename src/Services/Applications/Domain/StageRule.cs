namespace CreditPower.Applications.Domain;

/// <summary>One row of <see cref="Stages"/>: a stage, its names, and which roles may complete it.</summary>
public sealed record StageRule(ApplicationStage Stage, string Code, string Name, IReadOnlyList<string> CompletedBy);
