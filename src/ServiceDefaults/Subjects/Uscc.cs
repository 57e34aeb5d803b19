namespace CreditPower.ServiceDefaults.Subjects;

/// <summary>Unified social credit code (统一社会信用代码) check of GB 32100-2015.</summary>
public static class Uscc
{
    public const int Length = 18;
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Trims and upper-cases the input the way a clerk types it.</summary>
    public static string Normalize(string? value) => (value ?? "").Trim().ToUpperInvariant();

    /// <summary>Checks a normalized code; on failure <paramref name="reason"/> says why, in Chinese.</summary>
    public static bool IsValid(string code, out string reason)
    {
        if (code.Length != Length)
        {
            reason = $"统一社会信用代码应为 {Length} 位，实际为 {code.Length} 位。";
            return false;
        }

        var sum = 0;
        var weight = 1;
        for (var i = 0; i < Length; i++)
        {
            var value = Alphabet.IndexOf(code[i], StringComparison.Ordinal);
            if (value < 0)
            {
                reason = $"第 {i + 1} 位字符“{code[i]}”不是统一社会信用代码允许的字符（不含 I、O、Z、S、V）。";
                return false;
            }

            if (i < Length - 1)
            {
                sum += value * weight;
                weight = weight * 3 % 31;
            }
            else
            {
                var check = (31 - (sum % 31)) % 31;
                if (value != check)
                {
                    reason = $"校验位错误：第 18 位应为“{Alphabet[check]}”，实际为“{code[i]}”。";
                    return false;
                }
            }
        }

        reason = "";
        return true;
    }
}
