namespace CreditPower.Applications.Domain;

public enum ApplicationType
{
    /// <summary>新装</summary>
    NewConnection = 1,

    /// <summary>增容</summary>
    CapacityIncrease = 2,
}
