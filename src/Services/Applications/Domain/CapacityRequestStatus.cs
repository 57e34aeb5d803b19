namespace CreditPower.Applications.Domain;

/// <summary>Where a capacity request stands: waiting its turn, holding capacity, or ended (all it held released).</summary>
public enum CapacityRequestStatus
{
    Waiting = 1,
    Allocated = 2,
    Ended = 3,
}
