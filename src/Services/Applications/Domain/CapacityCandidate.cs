namespace CreditPower.Applications.Domain;

/// <summary>A waiting request as the offering sees it: the application's channel and submission time read at offer time.</summary>
public sealed record CapacityCandidate(Guid RequestId, int Amount, bool GreenChannel, DateTimeOffset SubmittedAt, DateTimeOffset RequestedAt);
