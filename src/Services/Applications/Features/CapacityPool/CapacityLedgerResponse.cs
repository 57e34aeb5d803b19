using CreditPower.Applications.Domain;

namespace CreditPower.Applications.Features.CapacityPool;

/// <summary>One movement of a pool's ledger, with the applicant's name where an application is concerned.</summary>
public sealed record CapacityLedgerResponse(
    long Id, CapacityLedgerKind Kind, int Amount, Guid? RequestId, Guid? ApplicationId, string? ApplicantName,
    string Reason, string By, DateTimeOffset At, int TotalAfter, int AllocatedAfter);
