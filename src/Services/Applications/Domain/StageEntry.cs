namespace CreditPower.Applications.Domain;

/// <summary>One line of an application's timeline: who moved it into which stage, when, and by when it is due.</summary>
public sealed class StageEntry
{
    public Guid Id { get; init; }
    public Guid ApplicationId { get; init; }
    public ApplicationStage Stage { get; init; }
    public DateTimeOffset EnteredAt { get; init; }
    public required string EnteredBy { get; init; }

    /// <summary>The role the person acted in, so the timeline says 用电检查员 张三, not only 张三.</summary>
    public required string EnteredAs { get; init; }

    /// <summary>The due time computed on entry; null for <see cref="ApplicationStage.Completed"/>.</summary>
    public DateTimeOffset? DueAt { get; init; }

    public bool GreenChannel { get; init; }
    public string? Note { get; init; }
}
