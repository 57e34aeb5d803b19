namespace CreditPower.Applications.Features.Intake;

public sealed record PropertyProofRequest
{
    /// <summary>不动产权证书, 土地使用证, 房屋租赁合同…</summary>
    public required string DocumentType { get; init; }

    public required string DocumentNumber { get; init; }
}
