using System.Globalization;

namespace CreditPower.Portal.Components.Charts;

/// <summary>One bar: its label under the axis, its value, and the colour it is filled with (CSS colour).</summary>
public sealed record BarChartItem(string Label, double Value, string Fill);

/// <summary>One cell of a from × to matrix: how many moved from <paramref name="From"/> to <paramref name="To"/>.</summary>
public sealed record MatrixCell(string From, string To, long Count);

internal static class Svg
{
    /// <summary>SVG coordinates use a dot, whatever the page's culture (zh-CN happens to as well; de-DE would not).</summary>
    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
