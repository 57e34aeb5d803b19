namespace CreditPower.Applications.Features.DrcReport;

/// <summary>The JSON file of a batch (docs/drc-commitment-report.md).</summary>
public sealed record DrcBatchDocument(string Schema, int BatchSequence, string CreatedAt, int LetterCount, IReadOnlyList<DrcLetterRecord> Letters)
{
    public const string SchemaName = "creditpower.drc.commitment-letters/1";
}
