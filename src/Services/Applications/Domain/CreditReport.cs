namespace CreditPower.Applications.Domain;

/// <summary>The Jiangsu legal-person public credit report (江苏省法人公共信用信息查询报告) an application on the credit path rests on.</summary>
public sealed class CreditReport
{
    public Guid ApplicationId { get; init; }
    public required string Number { get; init; }
    public DateOnly IssuedOn { get; init; }
    public required string Issuer { get; init; }
    public DateOnly ValidUntil { get; init; }

    /// <summary>The negative records the report lists, as printed; empty when it lists none.</summary>
    public List<string> NegativeItems { get; init; } = [];
}
