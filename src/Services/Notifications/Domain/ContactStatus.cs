namespace CreditPower.Notifications.Domain;

public enum ContactStatus
{
    Queued = 1,
    Sent = 2,
    Delivered = 3,
    Failed = 4,
    GivenUp = 5,
}
