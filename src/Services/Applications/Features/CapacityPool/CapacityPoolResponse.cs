using CreditPower.Applications.Domain;

namespace CreditPower.Applications.Features.CapacityPool;

/// <summary>A pool as staff see it: how much there is, how much is allocated, how much is free, and how many wait.</summary>
public sealed record CapacityPoolResponse(
    Guid Id, string Name, CapacityKind Kind, string Unit, int Total, int Allocated, int Free, int Waiting)
{
    internal static CapacityPoolResponse From(PublicCapacityPool pool, int waiting) =>
        new(pool.Id, pool.Name, pool.Kind, PublicCapacityPool.UnitOf(pool.Kind), pool.Total, pool.Allocated, pool.Free, waiting);
}
