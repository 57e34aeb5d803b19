namespace CreditPower.Applications.Features.DrcReport;

/// <summary>Every letter signed in a period (Beijing dates, inclusive) and how it was reported.</summary>
public sealed record ReconciliationResponse(
    DateOnly From, DateOnly To, int DeadlineHours, int SignedCount, int OnTime, int Late, int Pending, int Missing, bool Complete,
    IReadOnlyList<ReconciledLetter> Letters);
