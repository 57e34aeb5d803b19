namespace CreditPower.Grading.Features.Events;

/// <summary>The <c>Source</c> values the service itself writes; upstream feeds may not claim them.</summary>
internal static class LedgerSources
{
    public const string Manual = "manual";
    public const string Import = "import";

    public static bool IsReserved(string source) => source is Manual or Import;
}
