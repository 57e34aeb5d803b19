namespace CreditPower.Notifications.Channels;

public enum SendOutcome
{
    /// <summary>The provider accepted the message.</summary>
    Sent = 1,

    /// <summary>Worth trying again later: throttled, provider error or unreachable, timeout.</summary>
    RetryLater = 2,

    /// <summary>Never going to work as it is: invalid number, not following the account, template refused.</summary>
    Permanent = 3,
}
