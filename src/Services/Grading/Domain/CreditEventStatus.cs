namespace CreditPower.Grading.Domain;

public enum CreditEventStatus
{
    InForce = 1,
    Expired = 2,
    UnderObjection = 3,
    Repaired = 4,
    Revoked = 5,
}
