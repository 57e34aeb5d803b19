namespace CreditPower.Contracts;

/// <summary>
/// Published by Notifications when a message cannot reach the customer: refused for good by the provider (invalid number,
/// not following the account), no contact known, the customer opted out, or given up after the last retry.
/// </summary>
public sealed record NotificationFailed
{
    /// <summary>The contact-log entry's id (also the SMS OutId).</summary>
    public required Guid NotificationId { get; init; }

    public required Guid SubjectId { get; init; }

    /// <summary><c>sms</c> or <c>weChat</c>.</summary>
    public required string Channel { get; init; }

    public required string Trigger { get; init; }
    public required string TemplateCode { get; init; }

    /// <summary>Why, in Chinese for staff, with the provider's code where there is one.</summary>
    public required string Reason { get; init; }

    /// <summary>True when retries ran out (status GivenUp); false for a permanent refusal (status Failed).</summary>
    public required bool GivenUp { get; init; }

    public required int Attempts { get; init; }
    public required DateTimeOffset FailedAt { get; init; }
}
