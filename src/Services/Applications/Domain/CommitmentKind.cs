namespace CreditPower.Applications.Domain;

/// <summary>The promises a credit commitment letter makes (DOMAIN.md §7).</summary>
public enum CommitmentKind
{
    /// <summary>补齐产权证明: the property documents within the configured number of days.</summary>
    PropertyDocuments = 1,

    /// <summary>按期足额缴纳电费.</summary>
    BillsOnTime = 2,

    /// <summary>不窃电、不违约用电.</summary>
    NoTheft = 3,

    /// <summary>违诺时接受预付费表计或提供担保.</summary>
    PrepaidMeterOnBreach = 4,
}
