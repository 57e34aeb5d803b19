namespace CreditPower.Portal.Features.Applications;

// The capacity pool API's answers as the portal reads them. Enums travel as camelCase strings and stay strings here:
// the portal shows them, the Applications service decides on them.

public sealed record CapacityPoolView(Guid Id, string Name, string Kind, string Unit, int Total, int Allocated, int Free, int Waiting)
{
    /// <summary>The allocated share as a CSS width, 0–100 %.</summary>
    public string AllocatedPercent => Total <= 0 ? "0%" : $"{Math.Clamp(Allocated * 100.0 / Total, 0, 100):0.#}%";

    public string KindName => Kind switch
    {
        "substationBay" => "公用变电站间隔",
        "lineCapacity" => "公用线路容量",
        _ => Kind,
    };

    /// <summary>What an amount field asks for, after its verb (新增, 申请, 释放): "间隔数（个）" or "容量（kVA）".</summary>
    public string AmountLabel => Kind == "substationBay" ? "间隔数（个）" : $"容量（{Unit}）";
}

public sealed record CapacityRequestView(
    Guid Id, Guid PoolId, Guid ApplicationId, string ApplicantName, string Identifier, bool GreenChannel,
    DateTimeOffset SubmittedAt, int Amount, int Held, string Status, int? Position,
    DateTimeOffset RequestedAt, string RequestedBy, DateTimeOffset? AllocatedAt, DateTimeOffset? EndedAt);

public sealed record CapacityLedgerView(
    long Id, string Kind, int Amount, Guid? RequestId, Guid? ApplicationId, string? ApplicantName,
    string Reason, string By, DateTimeOffset At, int TotalAfter, int AllocatedAfter)
{
    public string KindName => Kind switch
    {
        "added" => "新增容量",
        "allocated" => "分配",
        "released" => "释放",
        _ => Kind,
    };
}

public sealed record CapacityPoolDetailView(
    CapacityPoolView Pool, IReadOnlyList<CapacityRequestView> Waiting, IReadOnlyList<CapacityRequestView> Holding,
    IReadOnlyList<CapacityLedgerView> Ledger);

public sealed record CapacityMovementView(CapacityPoolView Pool, IReadOnlyList<Guid> AllocatedRequestIds);

/// <summary>An open application as the request form lists it (the work queue's order: green channel first).</summary>
public sealed record OpenApplicationView(Guid Id, string Identifier, string ApplicantName, DateTimeOffset SubmittedAt, bool GreenChannel);
