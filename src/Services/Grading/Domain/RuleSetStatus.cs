namespace CreditPower.Grading.Domain;

public enum RuleSetStatus
{
    Draft = 1,

    /// <summary>Approved by a supervisor who is not the author; waits for its activation time.</summary>
    Approved = 2,
    Active = 3,
    Superseded = 4,
    Rejected = 5,
}
