namespace CreditPower.Applications.Domain;

public enum CommitmentState
{
    /// <summary>待核查</summary>
    Pending = 1,

    /// <summary>已履约</summary>
    Kept = 2,

    /// <summary>已违诺</summary>
    Broken = 3,
}
