using System.Security.Cryptography;
using System.Text;

namespace CreditPower.GatewaySimulator.WeChat;

/// <summary>
/// How WeChat signs what it pushes to an account's server URL: the Token, timestamp and nonce sorted (ordinal),
/// joined, SHA-1, lowercase hex. Written separately from the check in Notifications so a mistake on one side cannot
/// hide in shared code.
/// </summary>
internal static class WeChatEventSignature
{
    public static string Compute(string token, string timestamp, string nonce)
    {
        string[] parts = [token, timestamp, nonce];
        Array.Sort(parts, StringComparer.Ordinal);
        // SHA-1 is what WeChat's protocol prescribes; the choice is not ours.
#pragma warning disable CA5350
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
#pragma warning restore CA5350
    }
}
