using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CreditPower.Documents;

/// <summary>
/// Writes a letter down A4 pages: paragraphs wrapped by <see cref="TextWrapper"/> (numbers and codes kept whole), a new
/// page whenever the next line would cross the bottom margin. A writer starts on a new page, so each letter of a batch
/// begins on its own.
/// </summary>
public sealed class PageWriter : IDisposable
{
    private readonly PdfDocument _document;
    private readonly double _sideMargin;
    private readonly double _verticalMargin;
    private PdfPage _page = null!;
    private XGraphics _graphics = null!;
    private double _y;

    public PageWriter(PdfDocument document, double sideMargin, double verticalMargin, double lineHeight)
    {
        _document = document;
        _sideMargin = sideMargin;
        _verticalMargin = verticalMargin;
        LineHeight = lineHeight;
        NewPage();
    }

    public double LineHeight { get; }

    private double Width => _page.Width.Point - (2 * _sideMargin);

    /// <summary>One line centred in a band <paramref name="height"/> high (a title).</summary>
    public void Centered(string text, XFont font, double height)
    {
        Room(height);
        _graphics.DrawString(text, font, XBrushes.Black, new XRect(_sideMargin, _y, Width, height), XStringFormats.Center);
        _y += height;
    }

    /// <summary>One line against the right margin (a number, a date, the issuer).</summary>
    public void Right(string text, XFont font, double? height = null)
    {
        var band = height ?? LineHeight;
        Room(band);
        _graphics.DrawString(text, font, XBrushes.Black, new XRect(_sideMargin, _y, Width, band), XStringFormats.CenterRight);
        _y += band;
    }

    /// <summary>A paragraph wrapped to the width left after <paramref name="left"/> (a signature block sits to the right).</summary>
    public void Paragraph(string text, XFont font, double left = 0)
    {
        var width = Width - left;
        foreach (var line in TextWrapper.Wrap(text, width, s => _graphics.MeasureString(s, font).Width))
        {
            Room(LineHeight);
            _graphics.DrawString(line, font, XBrushes.Black, new XRect(_sideMargin + left, _y, width, LineHeight), XStringFormats.CenterLeft);
            _y += LineHeight;
        }
    }

    public void Gap(double height) => _y += height;

    /// <summary>Turns the page now unless <paramref name="height"/> still fits, so a block (a signature) is not split.</summary>
    public void KeepTogether(double height) => Room(height);

    public void Dispose() => _graphics.Dispose();

    private void Room(double height)
    {
        if (_y + height > _page.Height.Point - _verticalMargin)
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
        _y = _verticalMargin;
    }
}
