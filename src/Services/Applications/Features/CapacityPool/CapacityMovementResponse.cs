using CreditPower.Applications.Domain;

namespace CreditPower.Applications.Features.CapacityPool;

/// <summary>The pool after an addition or a release, and the waiting requests that were allocated because of it.</summary>
public sealed record CapacityMovementResponse(CapacityPoolResponse Pool, IReadOnlyList<Guid> AllocatedRequestIds)
{
    internal static CapacityMovementResponse From(PublicCapacityPool pool, PoolOffer offer) =>
        new(CapacityPoolResponse.From(pool, offer.StillWaiting), [.. offer.Allocated.Select(r => r.Id)]);
}
