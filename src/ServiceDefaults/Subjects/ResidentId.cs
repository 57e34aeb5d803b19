using System.Globalization;

namespace CreditPower.ServiceDefaults.Subjects;

/// <summary>18-character resident identity number (居民身份证号码) check of GB 11643 (ISO 7064 mod 11-2).</summary>
public static class ResidentId
{
    public const int Length = 18;
    private static readonly int[] _weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static string Normalize(string? value) => (value ?? "").Trim().ToUpperInvariant();

    public static bool IsValid(string id, out string reason)
    {
        if (id.Length != Length)
        {
            reason = $"身份证号码应为 {Length} 位，实际为 {id.Length} 位。";
            return false;
        }

        var sum = 0;
        for (var i = 0; i < Length - 1; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                reason = $"身份证号码第 {i + 1} 位应为数字。";
                return false;
            }

            sum += (id[i] - '0') * _weights[i];
        }

        if (!DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1800 || birth > DateOnly.FromDateTime(DateTime.UtcNow))
        {
            reason = $"身份证号码中的出生日期“{id.AsSpan(6, 8)}”不是有效日期。";
            return false;
        }

        var expected = CheckCharacters[sum % 11];
        if (id[Length - 1] != expected)
        {
            reason = $"校验位错误：第 18 位应为“{expected}”，实际为“{id[Length - 1]}”。";
            return false;
        }

        reason = "";
        return true;
    }
}
