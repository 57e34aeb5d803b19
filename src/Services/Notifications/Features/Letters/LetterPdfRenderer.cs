using CreditPower.Contracts;
using CreditPower.Documents;
using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Dates;
using CreditPower.ServiceDefaults.Subjects;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp;

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

    private static readonly XPdfFontOptions _unicode = new(PdfFontEncoding.Unicode);

    private readonly string _fontPath;

    public LetterPdfRenderer(IOptions<LetterOptions> options)
    {
        _fontPath = options.Value.FontPath;
        CjkFont.EnsureInstalled(_fontPath);
    }

    public byte[] Render(IReadOnlyList<Letter> letters)
    {
        ArgumentOutOfRangeException.ThrowIfZero(letters.Count);
        CjkFont.EnsureInstalled(_fontPath);
        using var document = new PdfDocument();
        document.Info.Title = letters.Count == 1 ? $"书面告知函 {letters[0].Number}" : $"书面告知函（{letters.Count} 份）";
        document.Info.Creator = "CreditPower";
        var body = new XFont(CjkFont.Family, BodySize, XFontStyleEx.Regular, _unicode);
        var heading = new XFont(CjkFont.Family, BodySize, XFontStyleEx.Bold, _unicode);
        var title = new XFont(CjkFont.Family, 22, XFontStyleEx.Bold, _unicode);
        foreach (var letter in letters)
        {
            var page = new Writer(document);
            page.Centered("书面告知函", title, 34);
            page.Right(letter.Number, body);
            page.Gap(LineHeight / 2);
            page.Line($"{letter.SubjectName}：", body);
            page.Line($"（{IdentifierLabel(letter.SubjectKind)}：{SubjectIdentifier.Display(letter.SubjectKind, letter.SubjectIdentifier)}）", body);
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
            page.Dispose();
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static string IdentifierLabel(SubjectKind kind) => kind == SubjectKind.NaturalPerson ? "身份证号码" : "统一社会信用代码";

    /// <summary>Writes lines down a page, turning to a new page when the next line would cross the bottom margin.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly PdfDocument _document;
        private PdfPage _page = null!;
        private XGraphics _graphics = null!;
        private double _y;

        public Writer(PdfDocument document)
        {
            _document = document;
            NewPage();
        }

        private double Width => _page.Width.Point - (2 * Margin);

        public void Centered(string text, XFont font, double height)
        {
            _graphics.DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, Width, height), XStringFormats.Center);
            _y += height + (LineHeight / 2);
        }

        public void Right(string text, XFont font)
        {
            Room(LineHeight);
            _graphics.DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, Width, LineHeight), XStringFormats.CenterRight);
            _y += LineHeight;
        }

        public void Line(string text, XFont font) => Paragraph(text, font);

        public void Paragraph(string text, XFont font)
        {
            foreach (var line in TextWrapper.Wrap(text, Width, s => _graphics.MeasureString(s, font).Width))
            {
                Room(LineHeight);
                _graphics.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, LineHeight), XStringFormats.CenterLeft);
                _y += LineHeight;
            }
        }

        public void Gap(double height) => _y += height;

        /// <summary>Turns the page now unless <paramref name="height"/> still fits, so a block is not split.</summary>
        public void KeepTogether(double height) => Room(height);

        public void Dispose() => _graphics.Dispose();

        private void Room(double height)
        {
            if (_y + height > _page.Height.Point - VerticalMargin)
            {
                _graphics.Dispose();
                NewPage();
            }
        }

        private void NewPage()
        {
            _page = _document.AddPage();
            _page.Size = PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = VerticalMargin;
        }
    }
}
