namespace CreditPower.Grading.Domain;

public enum RepairStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}
