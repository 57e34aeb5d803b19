using CreditPower.Documents;

namespace CreditPower.Notifications.Features.Letters;

/// <summary>Who issues notice letters and the deadlines they set; section <c>Letters</c> of the configuration.</summary>
public sealed class LetterOptions
{
    public const string SectionName = "Letters";

    /// <summary>The document-number prefix (发文字号), before 〔year〕.</summary>
    public string NumberPrefix { get; set; } = "淮阴供电信告";

    public string Issuer { get; set; } = "淮阴供电营业部";
    public string IssuerAddress { get; set; } = "";
    public string IssuerPhone { get; set; } = "";

    /// <summary>Calendar days the customer has to put things right.</summary>
    public int RectifyDays { get; set; } = 30;

    /// <summary>The objection window of DOMAIN.md §9 (5 working days).</summary>
    public int ObjectionWorkingDays { get; set; } = 5;

    /// <summary>
    /// A TrueType font (.ttf) or collection (.ttc, its first face is used) with the CJK glyphs; AR PL UMing is a Song
    /// face, right for an official letter.
    /// </summary>
    public string FontPath { get; set; } = CjkFont.DefaultPath;
}
