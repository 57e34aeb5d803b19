using System.Text.RegularExpressions;

namespace CreditPower.Notifications.Domain;

/// <summary>Reads and fills the <c>{placeholder}</c>s of a notice template.</summary>
public static partial class TemplateText
{
    /// <summary>The placeholder names in <paramref name="body"/>, in order of first appearance.</summary>
    public static IReadOnlyList<string> Placeholders(string body) =>
        [.. PlaceholderPattern().Matches(body).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Why <paramref name="body"/> cannot be a template whose parameters are <paramref name="allowed"/>: unknown
    /// placeholders, or a brace that opens or closes nothing. Empty when it can.
    /// </summary>
    public static IReadOnlyList<string> Problems(string body, IReadOnlyCollection<string> allowed)
    {
        var problems = new List<string>();
        var unknown = Placeholders(body).Where(p => !allowed.Contains(p)).ToList();
        if (unknown.Count > 0)
        {
            problems.Add($"未知的占位符：{string.Join("、", unknown.Select(u => $"{{{u}}}"))}。可用的占位符：{string.Join("、", allowed.Select(a => $"{{{a}}}"))}。");
        }

        var stripped = PlaceholderPattern().Replace(body, "");
        if (stripped.Contains('{', StringComparison.Ordinal) || stripped.Contains('}', StringComparison.Ordinal))
        {
            problems.Add("花括号不成对，或占位符名称不是字母：占位符应写作 {name} 这样的形式。");
        }

        return problems;
    }

    /// <summary>Fills every placeholder from <paramref name="parameters"/>; a parameter not supplied becomes empty text.</summary>
    public static string Render(string body, IReadOnlyDictionary<string, string> parameters) =>
        PlaceholderPattern().Replace(body, m => parameters.TryGetValue(m.Groups[1].Value, out var value) ? value : "");

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex PlaceholderPattern();
}
