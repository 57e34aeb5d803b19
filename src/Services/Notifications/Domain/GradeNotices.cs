using CreditPower.Contracts;

namespace CreditPower.Notifications.Domain;

/// <summary>
/// Which channels a grade change triggers (DOMAIN.md §6) and what they say. Downgrade to yellow:
/// SMS and WeChat reminders; to red or black: a written notice letter plus SMS and WeChat;
/// upgrade to green or blue: a congratulation naming the services now open.
/// </summary>
public static class GradeNotices
{
    private static readonly string[] _bookkeeping = ["cap:", "gate:", "movement:"];
    private static readonly TimeZoneInfo _beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public sealed record Notice(Channel Channel, string TemplateCode, string Content);

    public static IReadOnlyList<Notice> For(CreditGradeChanged change)
    {
        var downgrade = change.OldColour is { } old && change.NewColour > old;
        var upgrade = change.OldColour is { } previous && change.NewColour < previous;
        var name = change.Name;
        return change.NewColour switch
        {
            CreditColour.Yellow when downgrade =>
            [
                new(Channel.Sms, "grade-yellow-sms", $"【淮阴供电】尊敬的{name}，您的用电信用等级已调整为黄色（{change.Score} 分）。请按时缴纳电费、规范用电，详情可咨询营业厅。"),
                new(Channel.WeChat, "grade-yellow-wechat", $"{name}，您的用电信用等级已调整为黄色（{change.Score} 分），请留意缴费和用电规范，及时改善信用状况。"),
            ],
            CreditColour.Red or CreditColour.Black when downgrade || change.OldColour is null =>
            [
                new(Channel.Letter, "grade-warning-letter", $"{name}：因{Reasons(change)}，您的用电信用等级已调整为{ColourName(change.NewColour)}。我单位将寄送书面告知函，请按函中要求整改。"),
                new(Channel.Sms, "grade-warning-sms", $"【淮阴供电】尊敬的{name}，您的用电信用等级已调整为{ColourName(change.NewColour)}，书面告知函将送达，请及时整改或提出异议。"),
                new(Channel.WeChat, "grade-warning-wechat", $"{name}，您的用电信用等级已调整为{ColourName(change.NewColour)}，请查收书面告知函并按要求整改。"),
            ],
            CreditColour.Green or CreditColour.Blue when upgrade =>
            [
                new(Channel.Sms, "grade-upgrade-sms", $"【淮阴供电】恭喜{name}，您的用电信用等级已提升为{ColourName(change.NewColour)}，可享受业扩报装绿色通道和增值用能服务。"),
            ],
            _ => [],
        };
    }

    /// <summary>
    /// The template parameters of every notice for <paramref name="change"/>: what the SMS TemplateParam and the WeChat
    /// template data carry (short values; Alibaba limits a variable's length).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Parameters(CreditGradeChanged change) => new Dictionary<string, string>
    {
        ["name"] = change.Name,
        ["colour"] = ColourName(change.NewColour),
        ["previousColour"] = change.OldColour is { } old ? ColourName(old) : "",
        ["score"] = change.Score.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["reasons"] = Reasons(change),
        ["effectiveDate"] = TimeZoneInfo.ConvertTime(change.EffectiveAt, _beijing).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string ColourName(CreditColour colour) => colour switch
    {
        CreditColour.Green => "绿色",
        CreditColour.Blue => "蓝色",
        CreditColour.Yellow => "黄色",
        CreditColour.Red => "红色",
        CreditColour.Black => "黑色",
        _ => colour.ToString(),
    };

    private static string Reasons(CreditGradeChanged change)
    {
        var named = change.Reasons.Where(r => !_bookkeeping.Any(prefix => r.Code.StartsWith(prefix, StringComparison.Ordinal)))
            .Select(r => r.Description).Take(3).ToList();
        return named.Count == 0 ? "信用评分下降" : string.Join("、", named);
    }
}
