using CreditPower.Documents;
using Xunit;

namespace CreditPower.UnitTests.Documents;

/// <summary>PDFsharp's font resolver is process-wide: installed once, and a different font asked for later is an error.</summary>
public sealed class CjkFontTests
{
    [Fact]
    public void Installing_the_same_font_again_answers_the_installed_one()
    {
        var first = CjkFont.EnsureInstalled(CjkFont.DefaultPath);

        Assert.Same(first, CjkFont.EnsureInstalled(CjkFont.DefaultPath));
        Assert.Same(first, CjkFont.EnsureInstalled(CjkFont.DefaultPath.Replace("/arphic/", "/arphic/./", StringComparison.Ordinal)));
    }

    [Fact]
    public void Asking_for_another_font_once_one_is_installed_fails_naming_both()
    {
        CjkFont.EnsureInstalled(CjkFont.DefaultPath);

        var error = Assert.Throws<InvalidOperationException>(() => CjkFont.EnsureInstalled("/usr/share/fonts/other/song.ttc"));

        Assert.Contains(CjkFont.DefaultPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("/usr/share/fonts/other/song.ttc", error.Message, StringComparison.Ordinal);
    }
}
