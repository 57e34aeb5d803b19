namespace CreditPower.Applications.Domain;

/// <summary>
/// One pool of public capacity (a substation's bays, a line's kVA) that waiting applications are offered in turn.
/// <see cref="Allocated"/> is the sum of what its requests hold; the database refuses it above <see cref="Total"/>.
/// </summary>
public sealed class PublicCapacityPool
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public CapacityKind Kind { get; init; }
    public int Total { get; set; }
    public int Allocated { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }

    public int Free => Total - Allocated;

    /// <summary>The unit a person reads beside an amount of this kind.</summary>
    public static string UnitOf(CapacityKind kind) => kind == CapacityKind.SubstationBay ? "个间隔" : "kVA";
}
