namespace CreditPower.Applications.Domain;

/// <summary>
/// A credit commitment letter (信用承诺书), frozen at intake: the subject's data, the report it rests on and the full text
/// exactly as printed, so the PDF, the ledger and the DRC report always say the same thing.
/// </summary>
public sealed class CommitmentLetter
{
    public Guid Id { get; init; }
    public Guid ApplicationId { get; init; }

    /// <summary>The letter's number, 淮阴供电信诺〔2026〕000123号; unique.</summary>
    public required string Number { get; init; }

    public int Year { get; init; }
    public int Serial { get; init; }
    public required string Identifier { get; init; }
    public required string SubjectName { get; init; }
    public required string LegalRepresentative { get; init; }
    public required string Address { get; init; }

    /// <summary>The Beijing date the letter bears; promise deadlines count from it.</summary>
    public DateOnly LetterDate { get; init; }

    /// <summary>Title and paragraphs as printed, joined by new lines.</summary>
    public required string FullText { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }

    /// <summary>Who signed for the subject (the legal representative or an authorised agent); null until signed.</summary>
    public string? SignedBy { get; set; }

    public DateTimeOffset? SignedAt { get; set; }

    /// <summary>The clerk who recorded the signature.</summary>
    public string? SigningRecordedBy { get; set; }

    /// <summary>The DRC batch that carried the letter; null until reported.</summary>
    public Guid? DrcBatchId { get; set; }

    public DateTimeOffset? ReportedAt { get; set; }

    public List<Commitment> Commitments { get; init; } = [];

    public bool IsSigned => SignedAt is not null;
}
