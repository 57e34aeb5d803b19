namespace CreditPower.Notifications.Domain;

public enum CallTaskStatus
{
    /// <summary>Waiting for a call (the first, or a retry after no answer).</summary>
    Open = 1,

    Reached = 2,
    WrongNumber = 3,
    Refused = 4,

    /// <summary>No answer on every attempt: closed without reaching the customer.</summary>
    Unreached = 5,
}
