using CreditPower.Applications.Domain;
using CreditPower.Applications.Features.CreditPath;
using CreditPower.Documents;
using CreditPower.TestSupport;
using UglyToad.PdfPig;
using Xunit;

namespace CreditPower.UnitTests.Applications;

/// <summary>The commitment letter's PDF wraps with the shared Chinese wrapper: codes and numbers stay whole on a line.</summary>
public sealed class CommitmentLetterPdfTests
{
    private const string Uscc = "91320804MA1XXXXX0Y";

    [Fact]
    public void The_uscc_is_never_split_across_lines_wherever_the_name_puts_it()
    {
        var pdf = new LetterPdf(new FixedOptionsMonitor<CommitmentOptions>(new CommitmentOptions { FontPath = CjkFont.DefaultPath }));

        // Each extra character of the name moves the code one place along the line: across a full line's worth of
        // lengths it must, for a wrapper that breaks anywhere, land on a line end at least once.
        for (var extra = 0; extra <= 40; extra++)
        {
            var name = $"淮安市淮阴区{new string('甲', extra)}机械有限公司";
            var letter = new CommitmentLetter
            {
                Number = "淮阴供电信诺〔2026〕000031号",
                Identifier = Uscc,
                SubjectName = name,
                LegalRepresentative = "周振华",
                Address = "淮安市淮阴区长江东路 88 号",
                FullText = string.Join('\n', CommitmentLetterTemplateTests.Letter(negativeItems: [], name: name, uscc: Uscc)),
                CreatedBy = "clerk",
            };

            var lines = PrintedLines(pdf.Render(letter));

            Assert.True(lines.Count(l => l.Contains(Uscc, StringComparison.Ordinal)) == 1,
                $"With {extra} extra characters in the name the code is split:\n{string.Join('\n', lines.Where(l => l.Contains("统一社会信用代码", StringComparison.Ordinal) || l.Contains("法定代表人", StringComparison.Ordinal)))}");
        }
    }

    [Fact]
    public void Every_line_fits_the_page_and_the_text_is_all_there()
    {
        var pdf = new LetterPdf(new FixedOptionsMonitor<CommitmentOptions>(new CommitmentOptions { FontPath = CjkFont.DefaultPath }));
        var text = CommitmentLetterTemplateTests.Letter(negativeItems: []);
        var letter = new CommitmentLetter
        {
            Number = "淮阴供电信诺〔2026〕000031号",
            Identifier = Uscc,
            SubjectName = "淮安市淮阴区示例机械有限公司",
            LegalRepresentative = "周振华",
            Address = "淮安市淮阴区长江东路 88 号",
            FullText = string.Join('\n', text),
            CreatedBy = "clerk",
        };

        using var document = PdfDocument.Open(pdf.Render(letter));

        var printed = string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
        Assert.All(text, line => Assert.Contains(line.Replace(" ", "", StringComparison.Ordinal), printed, StringComparison.Ordinal));
        Assert.All(document.GetPages().SelectMany(p => p.Letters.Select(l => (p.Width, l.BoundingBox.Right))),
            l => Assert.True(l.Right <= l.Width - 72 + 13, $"a glyph ends at {l.Right}, past the right margin"));
    }

    /// <summary>The PDF's text line by line, top to bottom: letters grouped by their baseline.</summary>
    private static List<string> PrintedLines(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return
        [
            .. document.GetPages().SelectMany(page => page.Letters
                .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
                .OrderByDescending(g => g.Key)
                .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)))),
        ];
    }}
