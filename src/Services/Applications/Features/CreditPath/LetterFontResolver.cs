using PdfSharp.Fonts;

namespace CreditPower.Applications.Features.CreditPath;

/// <summary>
/// Serves the letter's CJK face to PDFsharp. CJK faces have no bold: bold is simulated. PDFsharp keeps one resolver
/// per process, so it is installed once, on first use; a resolver another part of the process installed first is
/// kept (replacing it would break that part's fonts).
/// </summary>
internal sealed class LetterFontResolver(byte[] font) : IFontResolver
{
    public const string Family = "CreditPowerLetterSong";
    private static readonly Lock _installLock = new();

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(Family, mustSimulateBold: isBold, mustSimulateItalic: isItalic);

    public byte[]? GetFont(string faceName) => font;

    /// <summary>Installs the resolver for <paramref name="fontPath"/> unless one is installed already.</summary>
    public static void EnsureInstalled(string fontPath)
    {
        lock (_installLock)
        {
            if (GlobalFontSettings.FontResolver is not null)
            {
                return;
            }

            if (!File.Exists(fontPath))
            {
                throw new FileNotFoundException($"The letter font {fontPath} is missing; install fonts-arphic-uming or set Applications:Commitments:FontPath.", fontPath);
            }

            GlobalFontSettings.FontResolver = new LetterFontResolver(TrueTypeCollection.ExtractFace(File.ReadAllBytes(fontPath)));
        }
    }
}
