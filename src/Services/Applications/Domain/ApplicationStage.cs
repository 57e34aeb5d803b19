namespace CreditPower.Applications.Domain;

/// <summary>The stages of DOMAIN.md §7, in order.</summary>
public enum ApplicationStage
{
    Accepted = 1,
    SiteSurvey = 2,
    SupplyPlan = 3,
    DesignReview = 4,
    MidConstructionCheck = 5,
    CompletionAcceptance = 6,
    MeteringAndConnection = 7,
    Completed = 8,
}
