using System.Globalization;

namespace CreditPower.Notifications.Domain;

/// <summary>The document number of a notice letter: <c>淮阴供电信告〔2026〕0001号</c>, the serial counted per year.</summary>
public static class LetterNumber
{
    public static string Format(string prefix, int year, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(serial, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}〔{year}〕{serial:D4}号");
    }
}
