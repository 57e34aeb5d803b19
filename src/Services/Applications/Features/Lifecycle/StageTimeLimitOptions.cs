using CreditPower.Applications.Domain;

namespace CreditPower.Applications.Features.Lifecycle;

/// <summary>
/// The <c>Applications:StageLimits</c> section: each stage's time limit, normal and green channel. The defaults follow
/// the published limits for business-expanding connections (受理 1, 勘查 2, 方案 10, 设计审查 5, 中间检查 3, 竣工检验 5,
/// 装表接电 5 working days), with the green channel at about half, the first stage within 8 hours.
/// </summary>
internal sealed class StageTimeLimitOptions
{
    public const string SectionName = "Applications:StageLimits";

    public Dictionary<ApplicationStage, StageLimitSetting> Stages { get; set; } = new()
    {
        [ApplicationStage.Accepted] = new() { Normal = 1, Green = 8, GreenUnit = TimeLimitUnit.Hours },
        [ApplicationStage.SiteSurvey] = new() { Normal = 2, Green = 1 },
        [ApplicationStage.SupplyPlan] = new() { Normal = 10, Green = 5 },
        [ApplicationStage.DesignReview] = new() { Normal = 5, Green = 3 },
        [ApplicationStage.MidConstructionCheck] = new() { Normal = 3, Green = 2 },
        [ApplicationStage.CompletionAcceptance] = new() { Normal = 5, Green = 3 },
        [ApplicationStage.MeteringAndConnection] = new() { Normal = 5, Green = 3 },
    };
}
