using CreditPower.Applications.Domain;

namespace CreditPower.Applications.Features.CapacityPool;

/// <summary>What one offer of a pool's free capacity did: the requests it allocated, and how many open requests still wait.</summary>
internal sealed record PoolOffer(IReadOnlyList<CapacityRequest> Allocated, int StillWaiting);
