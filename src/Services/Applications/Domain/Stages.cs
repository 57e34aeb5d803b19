using CreditPower.ServiceDefaults.Security;

namespace CreditPower.Applications.Domain;

/// <summary>
/// The stages of DOMAIN.md §7 in order, and who may complete each one (move the application on to the next):
///
/// | stage                     | code                    | completed by (moves it on)      | why                                            |
/// |---------------------------|-------------------------|---------------------------------|------------------------------------------------|
/// | 受理 accepted              | accepted                | clerk                           | the counter checks the file and books a survey |
/// | 现场勘查 site survey        | site-survey             | inspector                       | the inspector walks the site                   |
/// | 答复供电方案 supply plan     | supply-plan             | supervisor                      | the plan binds the utility: a supervisor signs |
/// | 设计审查 design review      | design-review           | supervisor                      | approving the customer's design is a decision  |
/// | 中间检查 mid-construction   | mid-construction-check  | inspector                       | an on-site check                               |
/// | 竣工检验 completion         | completion-acceptance   | inspector                       | an on-site check                               |
/// | 装表接电 metering           | metering-and-connection | inspector                       | the field crew connects; the inspector signs   |
/// | 已完成 completed            | completed               | —                               | the end                                        |
///
/// Nobody else may move a stage, admins included: a transition is a professional act with a name on it, and the
/// timeline must say who did it in which capacity.
/// </summary>
public static class Stages
{
    public static IReadOnlyList<StageRule> All { get; } =
    [
        new(ApplicationStage.Accepted, "accepted", "受理", [Roles.Clerk]),
        new(ApplicationStage.SiteSurvey, "site-survey", "现场勘查", [Roles.Inspector]),
        new(ApplicationStage.SupplyPlan, "supply-plan", "答复供电方案", [Roles.Supervisor]),
        new(ApplicationStage.DesignReview, "design-review", "设计审查", [Roles.Supervisor]),
        new(ApplicationStage.MidConstructionCheck, "mid-construction-check", "中间检查", [Roles.Inspector]),
        new(ApplicationStage.CompletionAcceptance, "completion-acceptance", "竣工检验", [Roles.Inspector]),
        new(ApplicationStage.MeteringAndConnection, "metering-and-connection", "装表接电", [Roles.Inspector]),
        new(ApplicationStage.Completed, "completed", "已完成", []),
    ];

    /// <summary>Every role that completes some stage: the transition endpoint's gate; each stage then checks its own.</summary>
    public static IReadOnlyList<string> TransitionRoles { get; } = [.. All.SelectMany(s => s.CompletedBy).Distinct()];

    public static StageRule Rule(ApplicationStage stage) => All.Single(s => s.Stage == stage);

    public static string Code(ApplicationStage stage) => Rule(stage).Code;

    public static string Name(ApplicationStage stage) => Rule(stage).Name;

    /// <summary>The stage after <paramref name="stage"/>; null after the last.</summary>
    public static ApplicationStage? Next(ApplicationStage stage) =>
        stage == ApplicationStage.Completed ? null : stage + 1;

    /// <summary>The role names, in Chinese, who may complete <paramref name="stage"/> (for refusals).</summary>
    public static string CompletedByNames(ApplicationStage stage) =>
        string.Join("或", Rule(stage).CompletedBy.Select(Roles.DisplayName));
}
