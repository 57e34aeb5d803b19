namespace CreditPower.Applications.Domain;

/// <summary>The two kinds of public capacity of DOMAIN.md §7, each counted in its own unit.</summary>
public enum CapacityKind
{
    /// <summary>公用变电站间隔, counted in bays.</summary>
    SubstationBay = 1,

    /// <summary>公用线路容量, counted in kVA.</summary>
    LineCapacity = 2,
}
