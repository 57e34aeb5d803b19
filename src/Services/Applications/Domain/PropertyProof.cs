namespace CreditPower.Applications.Domain;

/// <summary>The property document an application rests on (不动产权证书, 土地使用证, 租赁合同…).</summary>
public sealed class PropertyProof
{
    public required string DocumentType { get; init; }
    public required string DocumentNumber { get; init; }
}
