namespace CreditPower.Notifications.Channels;

/// <summary>What a provider made of one message: the outcome, its id for the message, or the reason it refused.</summary>
public sealed record SendResult(SendOutcome Outcome, string? ProviderMessageId, string? Error)
{
    public static SendResult Sent(string providerMessageId) => new(SendOutcome.Sent, providerMessageId, null);

    public static SendResult RetryLater(string error) => new(SendOutcome.RetryLater, null, error);

    public static SendResult Permanent(string error) => new(SendOutcome.Permanent, null, error);
}
