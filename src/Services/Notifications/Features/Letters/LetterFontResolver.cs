using PdfSharp.Fonts;

namespace CreditPower.Notifications.Features.Letters;

/// <summary>
/// Serves the one CJK font letters are set in. CJK faces have no bold: headings ask for bold and get it simulated.
/// PDFsharp's resolver is process-wide, so it is installed once.
/// </summary>
internal sealed class LetterFontResolver : IFontResolver
{
    public const string Family = "LetterSong";

    private static readonly Lock _installing = new();
    private static LetterFontResolver? _installed;

    private readonly Lazy<byte[]> _font;

    private LetterFontResolver(string path) =>
        _font = new Lazy<byte[]>(() => TrueTypeCollection.FirstFace(File.ReadAllBytes(path)));

    public static void Install(string path)
    {
        lock (_installing)
        {
            if (_installed is not null)
            {
                return;
            }

            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"The letter font {path} is missing: install fonts-arphic-uming (eng/install-prerequisites.sh) or set Letters:FontPath.");
            }

            _installed = new LetterFontResolver(path);
            GlobalFontSettings.FontResolver = _installed;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Family, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => _font.Value;
}
