namespace CreditPower.Applications.Features.CapacityPool;

/// <summary>One pool in full: its figures, the waiting requests in offer order, the allocations held, and its ledger (newest first).</summary>
public sealed record CapacityPoolDetailResponse(
    CapacityPoolResponse Pool,
    IReadOnlyList<CapacityRequestResponse> Waiting,
    IReadOnlyList<CapacityRequestResponse> Holding,
    IReadOnlyList<CapacityLedgerResponse> Ledger);
