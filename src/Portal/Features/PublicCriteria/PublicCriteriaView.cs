namespace CreditPower.Portal.Features.PublicCriteria;

/// <summary>Grading's public criteria (GET /api/public/criteria), as the public page reads them.</summary>
public sealed record PublicCriteriaView(
    string Version,
    string Title,
    DateTimeOffset? ActivatedAt,
    string ScoreRule,
    IReadOnlyList<PublicCriterionView> Criteria,
    IReadOnlyList<PublicAreaCapView> AreaCaps,
    IReadOnlyList<PublicBonusView> Bonuses,
    int BonusCap,
    IReadOnlyList<PublicVetoView> Vetoes,
    IReadOnlyList<PublicColourView> Colours,
    IReadOnlyList<string> Notes);

public sealed record PublicCriterionView(string Code, string Area, string AreaName, string Name, int Points, string Period);

public sealed record PublicAreaCapView(string Area, string AreaName, int Cap);

public sealed record PublicBonusView(string Code, string Name, int Points, int? MaxPoints, string Period);

public sealed record PublicVetoView(string Code, string Name, string LockPeriod);

public sealed record PublicColourView(string Colour, string Name, int MinScore, int MaxScore, string Rule, bool Honest, IReadOnlyList<string> Measures);
