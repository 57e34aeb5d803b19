namespace CreditPower.Applications.Features.DrcReport;

/// <summary>One promise of a letter in the DRC schema (docs/drc-commitment-report.md).</summary>
public sealed record DrcPromiseRecord(string Kind, string Promise, string Deadline, string State);
