namespace CreditPower.Portal.Features.Applications;

/// <summary>Chinese words for the Applications pages.</summary>
internal static class ApplicationsDisplay
{
    public static IReadOnlyList<(string Code, string Name)> Stages { get; } =
    [
        ("accepted", "受理"), ("siteSurvey", "现场勘查"), ("supplyPlan", "答复供电方案"), ("designReview", "设计审查"),
        ("midConstructionCheck", "中间检查"), ("completionAcceptance", "竣工检验"), ("meteringAndConnection", "装表接电"),
    ];

    public static string CommitmentKind(string? kind) => kind switch
    {
        "propertyDocuments" => "补齐产权证明",
        "billsOnTime" => "按期缴纳电费",
        "noTheft" => "不窃电、不违约用电",
        "prepaidMeterOnBreach" => "违诺接受预付费表计",
        _ => kind ?? "—",
    };
}
