namespace CreditPower.Grading.Domain;

/// <summary>The areas of DOMAIN.md §4 whose deductions are capped separately.</summary>
public enum RuleArea
{
    Payment,
    Compliance,
    Safety,
    OrderlyUse,
    PublicCredit,
    Bonus,
    Veto,
}
