using PdfSharp.Fonts;

namespace CreditPower.Documents;

/// <summary>
/// The one CJK face every letter (notice letters, commitment letters) is set in, served to PDFsharp. CJK faces have no
/// bold: headings ask for bold and get it simulated. PDFsharp's resolver is process-wide and must not change once a
/// font was used, so it is installed once for every service in the process (the integration tests host several).
/// </summary>
public sealed class CjkFont : IFontResolver
{
    /// <summary>The family name documents ask for; every family resolves to the one face.</summary>
    public const string Family = "CreditPowerSong";

    /// <summary>Debian's fonts-arphic-uming (eng/install-prerequisites.sh installs it).</summary>
    public const string DefaultPath = "/usr/share/fonts/truetype/arphic/uming.ttc";

    private static readonly Lock _installing = new();
    private static CjkFont? _installed;

    private readonly Lazy<byte[]> _font;

    private CjkFont(string path) => _font = new Lazy<byte[]>(() => TrueTypeCollection.FirstFace(File.ReadAllBytes(path)));

    /// <summary>Installs the resolver for the font at <paramref name="path"/> unless it is installed already.</summary>
    public static void EnsureInstalled(string path)
    {
        lock (_installing)
        {
            if (_installed is not null)
            {
                return;
            }

            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The letter font {path} is missing: install fonts-arphic-uming (eng/install-prerequisites.sh).", path);
            }

            _installed = new CjkFont(path);
            GlobalFontSettings.FontResolver = _installed;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Family, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => _font.Value;
}
