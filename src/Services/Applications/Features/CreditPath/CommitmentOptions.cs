using CreditPower.Documents;

namespace CreditPower.Applications.Features.CreditPath;

/// <summary>The <c>Applications:Commitments</c> section: what the letter promises and how it is printed.</summary>
internal sealed class CommitmentOptions
{
    public const string SectionName = "Applications:Commitments";

    /// <summary>Days from the letter's date to bring the property documents (the N of "N 日内补齐产权证明").</summary>
    public int PropertyDocumentDays { get; set; } = 90;

    /// <summary>Months the conduct promises (bills on time, no theft) run; the veto of a broken one lasts 12 months.</summary>
    public int ConductMonths { get; set; } = 12;

    /// <summary>Who the letter is addressed to.</summary>
    public string Addressee { get; set; } = "国网淮安供电公司淮阴区供电营业部";

    /// <summary>The prefix of letter numbers: 淮阴供电信诺〔2026〕000001号.</summary>
    public string NumberPrefix { get; set; } = "淮阴供电信诺";

    /// <summary>Who receives the letters in full (DOMAIN.md §7), named in the letter so the subject knows.</summary>
    public string DrcName { get; set; } = "淮阴区发展和改革委员会";

    /// <summary>
    /// A TrueType font, or a collection whose first face is used, with the CJK glyphs; AR PL UMing (Debian
    /// <c>fonts-arphic-uming</c>) is a Song face, right for a formal letter.
    /// </summary>
    public string FontPath { get; set; } = CjkFont.DefaultPath;
}
