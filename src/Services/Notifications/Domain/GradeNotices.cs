using System.Globalization;
using CreditPower.Contracts;
using CreditPower.ServiceDefaults.Dates;

namespace CreditPower.Notifications.Domain;

/// <summary>
/// Which channels a grade change triggers (DOMAIN.md §6) and with which template. Downgrade to yellow:
/// SMS and WeChat reminders and a phone-call task; to red or black: a written notice letter plus SMS and WeChat;
/// upgrade to green or blue: a congratulation naming the services now open.
/// </summary>
public static class GradeNotices
{
    private static readonly string[] _bookkeeping = ["cap:", "gate:", "movement:"];

    public sealed record Notice(Channel Channel, string TemplateCode);

    public static IReadOnlyList<Notice> For(CreditGradeChanged change)
    {
        var downgrade = change.OldColour is { } old && change.NewColour > old;
        var upgrade = change.OldColour is { } previous && change.NewColour < previous;
        return change.NewColour switch
        {
            CreditColour.Yellow when downgrade =>
            [
                new(Channel.Sms, "grade-yellow-sms"),
                new(Channel.WeChat, "grade-yellow-wechat"),
                new(Channel.PhoneCall, TemplateCatalog.CallScriptYellow),
            ],
            CreditColour.Red or CreditColour.Black when downgrade || change.OldColour is null =>
            [
                new(Channel.Letter, "grade-warning-letter"),
                new(Channel.Sms, "grade-warning-sms"),
                new(Channel.WeChat, "grade-warning-wechat"),
            ],
            CreditColour.Green or CreditColour.Blue when upgrade =>
            [
                new(Channel.Sms, "grade-upgrade-sms"),
            ],
            _ => [],
        };
    }

    /// <summary>The template parameters of a grade change (<see cref="TemplateCatalog.GradeParameters"/>).</summary>
    public static Dictionary<string, string> Parameters(CreditGradeChanged change) => new(StringComparer.Ordinal)
    {
        ["name"] = change.Name,
        ["colour"] = ColourName(change.NewColour),
        ["score"] = change.Score.ToString(CultureInfo.InvariantCulture),
        ["reasons"] = Reasons(change),
        ["ruleVersion"] = change.RuleVersion,
        ["effectiveDate"] = ChinaDates.Format(change.EffectiveAt),
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

    /// <summary>The reasons a customer reads: events, vetoes and red conditions, without the scoring bookkeeping.</summary>
    public static IReadOnlyList<string> NamedReasons(IEnumerable<GradeReason> reasons) =>
        [.. reasons.Where(r => !_bookkeeping.Any(prefix => r.Code.StartsWith(prefix, StringComparison.Ordinal))).Select(r => r.Description)];

    private static string Reasons(CreditGradeChanged change)
    {
        var named = NamedReasons(change.Reasons).Take(3).ToList();
        return named.Count == 0 ? "信用评分下降" : string.Join("、", named);
    }
}
