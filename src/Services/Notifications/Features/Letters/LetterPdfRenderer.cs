using CreditPower.Contracts;
using CreditPower.Documents;
using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Dates;
using CreditPower.ServiceDefaults.Subjects;
using Microsoft.Extensions.Options;
using PdfSharp.Pdf;

namespace CreditPower.Notifications.Features.Letters;

/// <summary>
/// Sets notice letters on A4 in a Song face embedded with Unicode encoding, so the text extracts exactly as written.
/// Several letters make one document (a batch to print), each starting on a new page.
/// </summary>
internal sealed class LetterPdfRenderer
{
    // About 25 mm at the sides and 20 mm top and bottom: a one-page letter for the usual three or four reasons.
    private const double Margin = 72;
    private const double VerticalMargin = 57;
    private const double BodySize = 12;
    private const double LineHeight = 20;
    private const string Indent = "\u3000\u3000";

    private readonly CjkFont _font;

    // The font is read once: PDFsharp's resolver cannot change while the process runs.
    public LetterPdfRenderer(IOptions<LetterOptions> options) => _font = CjkFont.EnsureInstalled(options.Value.FontPath);

    public byte[] Render(IReadOnlyList<Letter> letters)
    {
        ArgumentOutOfRangeException.ThrowIfZero(letters.Count);
        using var document = new PdfDocument();
        document.Info.Title = letters.Count == 1 ? $"书面告知函 {letters[0].Number}" : $"书面告知函（{letters.Count} 份）";
        document.Info.Creator = "CreditPower";
        var body = _font.Face(BodySize);
        var heading = _font.Face(BodySize, bold: true);
        var title = _font.Face(22, bold: true);
        foreach (var letter in letters)
        {
            using var page = new PageWriter(document, Margin, VerticalMargin, LineHeight);
            page.Centered("书面告知函", title, 34);
            page.Gap(LineHeight / 2);
            page.Right(letter.Number, body);
            page.Gap(LineHeight / 2);
            page.Paragraph($"{letter.SubjectName}：", body);
            page.Paragraph($"（{IdentifierLabel(letter.SubjectKind)}：{SubjectIdentifier.Display(letter.SubjectKind, letter.SubjectIdentifier)}）", body);
            page.Gap(LineHeight / 3);
            foreach (var paragraph in letter.Paragraphs)
            {
                page.Paragraph(paragraph.Heading, heading);
                page.Paragraph(Indent + paragraph.Text, body);
            }

            page.Gap(LineHeight);
            page.KeepTogether(2 * LineHeight);
            page.Right(letter.Issuer, body);
            page.Right(ChinaDates.Format(letter.IssuedAt), body);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static string IdentifierLabel(SubjectKind kind) => kind == SubjectKind.NaturalPerson ? "身份证号码" : "统一社会信用代码";
}
