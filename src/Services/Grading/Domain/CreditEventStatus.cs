namespace CreditPower.Grading.Domain;

/// <summary>Where an event of the ledger stands (DOMAIN.md §3). Only <see cref="InForce"/> events count.</summary>
public enum CreditEventStatus
{
    /// <summary>A manual event waiting for a second officer (四眼原则); it does not count yet.</summary>
    PendingApproval = 0,
    InForce = 1,
    Expired = 2,

    /// <summary>异议处理中: escalation that rests on it is frozen until the objection is decided.</summary>
    UnderObjection = 3,

    /// <summary>已修复: kept in the archive, no longer counted nor published.</summary>
    Repaired = 4,
    Revoked = 5,

    /// <summary>A manual event the second officer refused.</summary>
    Rejected = 6,
}
