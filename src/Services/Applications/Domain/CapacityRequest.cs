namespace CreditPower.Applications.Domain;

/// <summary>
/// An application's request for an amount of one pool. It is allocated whole or not at all; releases then give back
/// part or all of what it <see cref="Held"/>, and it ends when it holds nothing.
/// </summary>
public sealed class CapacityRequest
{
    public Guid Id { get; init; }
    public Guid PoolId { get; init; }
    public Guid ApplicationId { get; init; }
    public int Amount { get; init; }
    public int Held { get; set; }
    public CapacityRequestStatus Status { get; set; }
    public DateTimeOffset RequestedAt { get; init; }
    public required string RequestedBy { get; init; }
    public DateTimeOffset? AllocatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Waiting or holding capacity: an application has at most one such request per pool.</summary>
    public bool IsOpen => Status != CapacityRequestStatus.Ended;
}
