namespace CreditPower.Applications.Domain;

/// <summary>What moved in a pool: capacity added to it, allocated to an application, or released by one.</summary>
public enum CapacityLedgerKind
{
    Added = 1,
    Allocated = 2,
    Released = 3,
}
