namespace CreditPower.Grading.Features.BillingFeed;

public sealed record BillingFactsRequest
{
    public required IReadOnlyList<BillingFact> Facts { get; init; }
}

/// <summary>One fact of the upstream billing system (营销系统) about one bill.</summary>
public sealed record BillingFact
{
    public required string Source { get; init; }
    public required string ExternalId { get; init; }

    /// <summary>The power account number (户号) as registered on a subject.</summary>
    public required string AccountNumber { get; init; }

    /// <summary><c>billIssued</c>, <c>billPaid</c> or <c>billOverdue</c>.</summary>
    public required string Kind { get; init; }
    public required string BillId { get; init; }
    public required DateOnly DueDate { get; init; }
    public DateTimeOffset? PaidAt { get; init; }
    public required decimal Amount { get; init; }
}

public sealed record BillingFactsResponse(int Received, int Created, int Accepted, int Duplicates, int Rejected, IReadOnlyList<BillingFactResult> Results);

/// <summary>What became of one fact: <c>created</c> (events written or resolved), <c>accepted</c> (nothing to record), <c>duplicate</c>, <c>rejected</c>.</summary>
public sealed record BillingFactResult(int Index, string Source, string ExternalId, string Status, IReadOnlyList<Guid> EventIds, string? Reason);

internal static class BillingFactKinds
{
    public const string Issued = "billIssued";
    public const string Paid = "billPaid";
    public const string Overdue = "billOverdue";

    public static bool IsKnown(string? kind) => kind is Issued or Paid or Overdue;
}
