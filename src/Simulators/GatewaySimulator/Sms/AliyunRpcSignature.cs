using System.Security.Cryptography;
using System.Text;

namespace CreditPower.GatewaySimulator.Sms;

/// <summary>
/// Alibaba Cloud's RPC signature, version 1.0, computed the way the provider does to check a caller's: every parameter
/// but <c>Signature</c>, sorted by name (ordinal), name and value percent-encoded (RFC 3986: space %20, <c>*</c> %2A,
/// <c>~</c> kept), joined; then <c>METHOD&amp;%2F&amp;encode(query)</c> signed with HMAC-SHA1 under <c>secret&amp;</c>.
/// Written separately from the client in Notifications so a mistake on one side cannot hide in shared code.
/// </summary>
internal static class AliyunRpcSignature
{
    public static string Compute(string method, IEnumerable<KeyValuePair<string, string>> parameters, string secret)
    {
        var canonical = string.Join('&', parameters
            .Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{Encode(p.Key)}={Encode(p.Value)}"));
        var stringToSign = $"{method.ToUpperInvariant()}&{Encode("/")}&{Encode(canonical)}";
        // HMAC-SHA1 is what the provider's protocol prescribes; the choice is not ours.
#pragma warning disable CA5350
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"), Encoding.UTF8.GetBytes(stringToSign)));
#pragma warning restore CA5350
    }

    public static bool Matches(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));

    private static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
