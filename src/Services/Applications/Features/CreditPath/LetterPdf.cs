using CreditPower.Applications.Domain;
using CreditPower.Documents;
using CreditPower.ServiceDefaults.Dates;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CreditPower.Applications.Features.CreditPath;

/// <summary>
/// Lays out a commitment letter on A4 from its stored text: title, number, addressee, body paragraphs wrapped per
/// character (Chinese has no spaces) with closing punctuation kept off line starts, then the signature block and,
/// once signed, the recorded signing. Text is Unicode-encoded so it can be extracted and checked.
/// </summary>
internal sealed class LetterPdf(IOptionsMonitor<CommitmentOptions> options)
{
    private const double Margin = 72;
    private const double BodySize = 12;
    private const double LineHeight = BodySize * 1.75;
    private const string NoLineStart = "，。、；：？！”’）》」』〕…";
    private const string NoLineEnd = "“‘（《「『〔";

    public byte[] Render(CommitmentLetter letter)
    {
        CjkFont.EnsureInstalled(options.CurrentValue.FontPath);
        var unicode = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var title = new XFont(CjkFont.Family, 22, XFontStyleEx.Bold, unicode);
        var body = new XFont(CjkFont.Family, BodySize, XFontStyleEx.Regular, unicode);
        var small = new XFont(CjkFont.Family, 10.5, XFontStyleEx.Regular, unicode);

        using var document = new PdfDocument();
        document.Info.Title = $"{CommitmentLetterTemplate.Title} {letter.Number}";
        document.Info.Author = options.CurrentValue.Addressee;
        var writer = new PageWriter(document);

        var lines = letter.FullText.Split('\n');
        writer.Centered(lines[0], title, 40);
        writer.RightAligned(lines[1], small, LineHeight * 1.5);
        writer.Paragraph(lines[2], body, indent: false);
        foreach (var paragraph in lines[3..^3])
        {
            writer.Paragraph(paragraph, body, indent: true);
        }

        writer.Space(LineHeight);
        foreach (var signature in lines[^3..])
        {
            writer.Paragraph(signature, body, indent: false, left: 260);
        }

        if (letter.SignedAt is { } signedAt)
        {
            writer.Space(LineHeight);
            writer.Paragraph($"签署登记：{letter.SignedBy}于{ChinaDates.FormatWithTime(signedAt)}签署，受理人员{letter.SigningRecordedBy}登记。", small, indent: false);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        writer.Dispose();
        return stream.ToArray();
    }

    /// <summary>Keeps the current page and where the next line goes; opens a new A4 page when one is full.</summary>
    private sealed class PageWriter(PdfDocument document) : IDisposable
    {
        private XGraphics? _graphics;
        private double _y;
        private double _width;
        private double _bottom;

        private XGraphics Graphics
        {
            get
            {
                if (_graphics is null)
                {
                    NewPage();
                }

                return _graphics!;
            }
        }

        public void Centered(string text, XFont font, double height)
        {
            var graphics = Graphics;
            graphics.DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, _width, height), XStringFormats.Center);
            _y += height + 12;
        }

        public void RightAligned(string text, XFont font, double height)
        {
            var graphics = Graphics;
            graphics.DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, _width, height), XStringFormats.CenterRight);
            _y += height;
        }

        public void Space(double height) => _y += height;

        public void Paragraph(string text, XFont font, bool indent, double left = 0)
        {
            var content = indent ? "\u3000\u3000" + text : text;
            foreach (var line in Wrap(Graphics, content, font, _width - left))
            {
                if (_y + LineHeight > _bottom)
                {
                    NewPage();
                }

                Graphics.DrawString(line, font, XBrushes.Black, new XRect(Margin + left, _y, _width - left, LineHeight), XStringFormats.CenterLeft);
                _y += LineHeight;
            }
        }

        public void Dispose() => _graphics?.Dispose();

        private void NewPage()
        {
            _graphics?.Dispose();
            var page = document.AddPage();
            page.Width = XUnit.FromMillimeter(210);
            page.Height = XUnit.FromMillimeter(297);
            _graphics = XGraphics.FromPdfPage(page);
            _width = page.Width.Point - (2 * Margin);
            _bottom = page.Height.Point - Margin;
            _y = Margin;
        }

        private static List<string> Wrap(XGraphics graphics, string text, XFont font, double width)
        {
            var lines = new List<string>();
            var start = 0;
            while (start < text.Length)
            {
                var end = start + 1;
                while (end < text.Length && graphics.MeasureString(text[start..(end + 1)], font).Width <= width)
                {
                    end++;
                }

                if (end < text.Length)
                {
                    // Pull a closing mark back onto this line's end by moving one character down, and never end on an opening mark.
                    if (NoLineStart.Contains(text[end], StringComparison.Ordinal) && end - start > 1)
                    {
                        end--;
                    }

                    if (NoLineEnd.Contains(text[end - 1], StringComparison.Ordinal) && end - start > 1)
                    {
                        end--;
                    }
                }

                lines.Add(text[start..end]);
                start = end;
            }

            return lines;
        }
    }
}
