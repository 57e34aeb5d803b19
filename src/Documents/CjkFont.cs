using System.Diagnostics.CodeAnalysis;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace CreditPower.Documents;

/// <summary>
/// The one CJK face every letter (notice letters, commitment letters) is set in, served to PDFsharp. CJK faces have no
/// bold: headings ask for bold and get it simulated. PDFsharp's resolver is process-wide and must not change once a
/// font was used, so it is installed once for every service in the process (the integration tests host several), and
/// asking later for another file is an error rather than a letter quietly set in the first one.
/// </summary>
public sealed class CjkFont : IFontResolver
{
    /// <summary>The family name documents ask for; every family resolves to the one face.</summary>
    public const string Family = "CreditPowerSong";

    /// <summary>Debian's fonts-arphic-uming (eng/install-prerequisites.sh installs it).</summary>
    public const string DefaultPath = "/usr/share/fonts/truetype/arphic/uming.ttc";

    private static readonly XPdfFontOptions _unicode = new(PdfFontEncoding.Unicode);
    private static readonly Lock _installing = new();
    private static volatile CjkFont? _installed;

    private readonly Lazy<byte[]> _font;

    private CjkFont(string path)
    {
        Path = path;
        _font = new Lazy<byte[]>(() => TrueTypeCollection.FirstFace(File.ReadAllBytes(path)));
    }

    /// <summary>The full path of the installed font file.</summary>
    public string Path { get; }

    /// <summary>
    /// Installs the resolver for the font at <paramref name="path"/> unless it is installed already, and returns it; a
    /// renderer calls it once, when it is made. Throws when the resolver already serves a different file.
    /// </summary>
    public static CjkFont EnsureInstalled(string path)
    {
        var wanted = System.IO.Path.GetFullPath(path);
        var installed = _installed;
        if (installed is null)
        {
            lock (_installing)
            {
                installed = _installed;
                if (installed is null)
                {
                    if (!File.Exists(wanted))
                    {
                        throw new FileNotFoundException($"The letter font {wanted} is missing: install fonts-arphic-uming (eng/install-prerequisites.sh).", wanted);
                    }

                    installed = new CjkFont(wanted);
                    GlobalFontSettings.FontResolver = installed;
                    _installed = installed;
                }
            }
        }

        if (!string.Equals(installed.Path, wanted, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The letter font is already {installed.Path}; PDFsharp's font resolver is process-wide and cannot change to {wanted}. "
                + "Give every service in this process the same FontPath.");
        }

        return installed;
    }

    /// <summary>The face at <paramref name="size"/> points, Unicode-encoded so the text extracts exactly as written.</summary>
    // An instance member on purpose: only code holding EnsureInstalled's answer can ask for the face, so no renderer
    // sets text before the resolver is there.
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Ties use to installation; see above.")]
    public XFont Face(double size, bool bold = false) => new(Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, _unicode);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Family, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => _font.Value;
}
