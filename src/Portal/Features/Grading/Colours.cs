namespace CreditPower.Portal.Features.Grading;

/// <summary>The five colours as staff read them (DOMAIN.md §4), and the fill each is drawn in.</summary>
public static class Colours
{
    public static IReadOnlyList<string> All { get; } = ["green", "blue", "yellow", "red", "black"];

    public static string Name(string? colour) => colour switch
    {
        "green" => "绿",
        "blue" => "蓝",
        "yellow" => "黄",
        "red" => "红",
        "black" => "黑",
        _ => "未评价",
    };

    /// <summary>The colour's meaning in a few words, for tooltips and legends.</summary>
    public static string Meaning(string? colour) => colour switch
    {
        "green" => "绿色 · 诚信客户（优）",
        "blue" => "蓝色 · 诚信客户",
        "yellow" => "黄色 · 提醒关注",
        "red" => "红色 · 失信警示",
        "black" => "黑色 · 严重失信",
        _ => "尚无评价",
    };

    public static string Fill(string? colour) => colour switch
    {
        "green" => "#107c10",
        "blue" => "#0f6cbd",
        "yellow" => "#e8b500",
        "red" => "#d13438",
        "black" => "#242424",
        _ => "#8a8886",
    };
}
