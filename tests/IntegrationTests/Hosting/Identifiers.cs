using System.Globalization;

namespace CreditPower.IntegrationTests.Hosting;

/// <summary>Deliberately wrong identifiers, each wrong in exactly one way.</summary>
internal static class Identifiers
{
    private const string UsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] _idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>The same code with another (valid-looking) last character.</summary>
    public static string WithWrongCheckCharacter(string uscc)
    {
        var wrong = UsccAlphabet[(UsccAlphabet.IndexOf(uscc[^1], StringComparison.Ordinal) + 1) % UsccAlphabet.Length];
        return string.Concat(uscc.AsSpan(0, uscc.Length - 1), wrong.ToString());
    }

    /// <summary>An 18-character resident ID whose check character is right but whose birth date is <paramref name="yyyymmdd"/>.</summary>
    public static string ResidentIdBornOn(string yyyymmdd)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"320811{yyyymmdd}{Random.Shared.Next(1000):D3}");
        var sum = body.Select((c, i) => (c - '0') * _idWeights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
