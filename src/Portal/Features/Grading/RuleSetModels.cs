namespace CreditPower.Portal.Features.Grading;

public sealed record RuleSetSummaryView(
    string Version, string Title, string Status, string StatusName, string DraftedBy, DateTimeOffset DraftedAt,
    string? ApprovedBy, DateTimeOffset? ApprovedAt, DateTimeOffset? ActivateAt, DateTimeOffset? ActivatedAt)
{
    public bool IsActive => Status == "active";
}

public sealed record EventTypeDefinitionView(string Code, string Name, string Area, string AreaName, int Points, int? MonthsInForce, int? MaxPoints, string Period);

public sealed record AreaCapDefinitionView(string Area, string AreaName, int Cap);

public sealed record RuleSetDefinitionView(
    IReadOnlyList<EventTypeDefinitionView> EventTypes, IReadOnlyList<AreaCapDefinitionView> AreaCaps,
    int BonusCap, int GreenFrom, int BlueFrom, int YellowFrom, int RedFrom, int GreenHistoryMonths);

public sealed record RuleSetView(RuleSetSummaryView Summary, RuleSetDefinitionView Definition);

public sealed record MigrationCellView(string From, string To, long Count);

public sealed record SimulationView(long Total, IReadOnlyList<MigrationCellView> Matrix, long Changed);
