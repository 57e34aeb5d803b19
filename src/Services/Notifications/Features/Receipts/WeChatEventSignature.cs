using System.Security.Cryptography;
using System.Text;

namespace CreditPower.Notifications.Features.Receipts;

/// <summary>
/// WeChat's signature on what it pushes to the account's server URL: SHA-1 (lowercase hex) of the Token, timestamp and
/// nonce, sorted and joined.
/// </summary>
internal static class WeChatEventSignature
{
    public static string Compute(string token, string timestamp, string nonce)
    {
        var parts = new[] { token, timestamp, nonce }.Order(StringComparer.Ordinal);
        // SHA-1 is what WeChat's protocol prescribes; the choice is not ours.
#pragma warning disable CA5350
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
#pragma warning restore CA5350
    }

    public static bool Matches(string token, string timestamp, string nonce, string given) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Compute(token, timestamp, nonce)), Encoding.ASCII.GetBytes(given.ToLowerInvariant()));
}
