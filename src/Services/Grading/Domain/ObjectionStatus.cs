namespace CreditPower.Grading.Domain;

public enum ObjectionStatus
{
    Submitted = 1,
    Acknowledged = 2,

    /// <summary>The objection holds: the event is revoked.</summary>
    Upheld = 3,
    Rejected = 4,

    /// <summary>A DRC-sourced record: the DRC decides.</summary>
    ReferredToDrc = 5,
}
