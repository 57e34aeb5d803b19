using CreditPower.Applications.Domain;
using CreditPower.Documents;
using CreditPower.ServiceDefaults.Dates;
using Microsoft.Extensions.Options;
using PdfSharp.Pdf;

namespace CreditPower.Applications.Features.CreditPath;

/// <summary>
/// Lays out a commitment letter on A4 from its stored text: title, number, addressee, body paragraphs, then the
/// signature block and, once signed, the recorded signing. Text is Unicode-encoded so it can be extracted and checked.
/// </summary>
internal sealed class LetterPdf
{
    private const double Margin = 72;
    private const double BodySize = 12;
    private const double LineHeight = BodySize * 1.75;
    private const double SignatureIndent = 260;
    private const string Indent = "\u3000\u3000";

    private readonly IOptionsMonitor<CommitmentOptions> _options;
    private readonly CjkFont _font;

    // The font is read once: PDFsharp's resolver cannot change while the process runs.
    public LetterPdf(IOptionsMonitor<CommitmentOptions> options)
    {
        _options = options;
        _font = CjkFont.EnsureInstalled(options.CurrentValue.FontPath);
    }

    public byte[] Render(CommitmentLetter letter)
    {
        var title = _font.Face(22, bold: true);
        var body = _font.Face(BodySize);
        var small = _font.Face(10.5);

        using var document = new PdfDocument();
        document.Info.Title = $"{CommitmentLetterTemplate.Title} {letter.Number}";
        document.Info.Author = _options.CurrentValue.Addressee;
        using (var page = new PageWriter(document, Margin, Margin, LineHeight))
        {
            var lines = letter.FullText.Split('\n');
            page.Centered(lines[0], title, 40);
            page.Gap(12);
            page.Right(lines[1], small, LineHeight * 1.5);
            page.Paragraph(lines[2], body);
            foreach (var paragraph in lines[3..^3])
            {
                page.Paragraph(Indent + paragraph, body);
            }

            page.Gap(LineHeight);
            page.KeepTogether(3 * LineHeight);
            foreach (var signature in lines[^3..])
            {
                page.Paragraph(signature, body, left: SignatureIndent);
            }

            if (letter.SignedAt is { } signedAt)
            {
                page.Gap(LineHeight);
                page.Paragraph($"签署登记：{letter.SignedBy}于{ChinaDates.FormatWithTime(signedAt)}签署，受理人员{letter.SigningRecordedBy}登记。", small);
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
