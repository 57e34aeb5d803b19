using CreditPower.Grading.Domain;

namespace CreditPower.Grading.Features.RuleSets;

/// <summary>A change to one event type of the base version; a field left out keeps the base value.</summary>
public sealed record EventTypeChange
{
    public required string Code { get; init; }
    public int? Points { get; init; }
    public int? MonthsInForce { get; init; }

    /// <summary>True: the event counts until a later fact ends it (payment, rectification, delisting), with no fixed period.</summary>
    public bool? UntilEnded { get; init; }

    public int? MaxPoints { get; init; }
}

/// <summary>What a draft may change in its base version; every field is optional.</summary>
public interface IRuleSetChanges
{
    IReadOnlyList<EventTypeChange>? EventTypes { get; }

    /// <summary>Area (payment, compliance, safety, orderlyUse, publicCredit) → maximum deduction.</summary>
    IReadOnlyDictionary<string, int>? AreaCaps { get; }

    int? BonusCap { get; }
    int? GreenFrom { get; }
    int? BlueFrom { get; }
    int? YellowFrom { get; }
    int? RedFrom { get; }
    int? GreenHistoryMonths { get; }
}

public sealed record DraftRuleSetRequest : IRuleSetChanges
{
    public required string Version { get; init; }
    public required string BaseVersion { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<EventTypeChange>? EventTypes { get; init; }
    public IReadOnlyDictionary<string, int>? AreaCaps { get; init; }
    public int? BonusCap { get; init; }
    public int? GreenFrom { get; init; }
    public int? BlueFrom { get; init; }
    public int? YellowFrom { get; init; }
    public int? RedFrom { get; init; }
    public int? GreenHistoryMonths { get; init; }
}

/// <summary>Further changes to a draft, applied to its current definition.</summary>
public sealed record UpdateRuleSetRequest : IRuleSetChanges
{
    public string? Title { get; init; }
    public IReadOnlyList<EventTypeChange>? EventTypes { get; init; }
    public IReadOnlyDictionary<string, int>? AreaCaps { get; init; }
    public int? BonusCap { get; init; }
    public int? GreenFrom { get; init; }
    public int? BlueFrom { get; init; }
    public int? YellowFrom { get; init; }
    public int? RedFrom { get; init; }
    public int? GreenHistoryMonths { get; init; }
}

public sealed record ActivateRuleSetRequest
{
    /// <summary>When the version takes over; now when left out. The past is refused.</summary>
    public DateTimeOffset? ActivateAt { get; init; }
}

public sealed record RuleSetSummary(
    string Version,
    string Title,
    RuleSetStatus Status,
    string StatusName,
    string DraftedBy,
    DateTimeOffset DraftedAt,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? ActivateAt,
    DateTimeOffset? ActivatedAt)
{
    internal static RuleSetSummary From(RuleSetVersion v) => new(
        v.Version, v.Title, v.Status, RuleSetTexts.StatusName(v.Status), v.DraftedBy, v.DraftedAt, v.ApprovedBy, v.ApprovedAt, v.ActivateAt, v.ActivatedAt);
}

public sealed record EventTypeView(string Code, string Name, RuleArea Area, string AreaName, int Points, int? MonthsInForce, int? MaxPoints, string Period);

public sealed record AreaCapView(RuleArea Area, string AreaName, int Cap);

public sealed record RuleSetDefinitionView(
    IReadOnlyList<EventTypeView> EventTypes,
    IReadOnlyList<AreaCapView> AreaCaps,
    int BonusCap,
    int GreenFrom,
    int BlueFrom,
    int YellowFrom,
    int RedFrom,
    int GreenHistoryMonths)
{
    internal static RuleSetDefinitionView From(RuleSetDefinition d) => new(
        [.. d.EventTypes.Select(e => new EventTypeView(
            e.Code, e.Name, e.Area, StatusLabels.For(e.Area), e.Points, e.MonthsInForce, e.MaxPoints, RuleSetTexts.Period(e)))],
        [.. d.AreaCaps.OrderBy(c => c.Key).Select(c => new AreaCapView(c.Key, StatusLabels.For(c.Key), c.Value))],
        d.BonusCap,
        d.GreenFrom,
        d.BlueFrom,
        d.YellowFrom,
        d.RedFrom,
        d.GreenHistoryMonths);
}

public sealed record RuleSetResponse(RuleSetSummary Summary, RuleSetDefinitionView Definition)
{
    internal static RuleSetResponse From(RuleSetVersion v) => new(RuleSetSummary.From(v), RuleSetDefinitionView.From(v.Definition));
}
