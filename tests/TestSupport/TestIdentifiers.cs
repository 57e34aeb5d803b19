using System.Globalization;
using System.Security.Cryptography;

namespace CreditPower.TestSupport;

/// <summary>Fresh, valid identifiers so every test makes its own subjects.</summary>
public static class TestIdentifiers
{
    private const string UsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private const string OpenIdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    private static readonly int[] _idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>A random unified social credit code with a correct GB 32100 check character.</summary>
    public static string NewUscc()
    {
        var body = "9132" + string.Concat(Enumerable.Range(0, 13).Select(_ => UsccAlphabet[Random.Shared.Next(UsccAlphabet.Length)]));
        var (sum, weight) = (0, 1);
        foreach (var c in body)
        {
            sum += UsccAlphabet.IndexOf(c, StringComparison.Ordinal) * weight;
            weight = weight * 3 % 31;
        }

        return body + UsccAlphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>A random resident ID number with a real birth date and a correct mod 11-2 check.</summary>
    public static string NewResidentId()
    {
        var birth = new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(15000));
        var body = string.Create(CultureInfo.InvariantCulture, $"320811{birth:yyyyMMdd}{Random.Shared.Next(1000):D3}");
        var sum = body.Select((c, i) => (c - '0') * _idWeights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    /// <summary>An 11-digit mobile no other test uses (199 numbers, random tail).</summary>
    public static string NewMobile() => "199" + RandomNumberGenerator.GetInt32(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

    /// <summary>A well-formed WeChat openid (28 characters) no other test uses.</summary>
    public static string NewOpenId() => "o" + RandomNumberGenerator.GetString(OpenIdAlphabet, 27);

    /// <summary>A random 12-digit power account number.</summary>
    public static string NewAccountNumber() => string.Create(CultureInfo.InvariantCulture, $"32{Random.Shared.NextInt64(1_000_000_000L, 9_999_999_999L)}");
}
