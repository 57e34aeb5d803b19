using System.Text.Json;
using System.Text.RegularExpressions;
using CreditPower.Grading.Domain;

namespace CreditPower.Grading.Features.RuleSets;

/// <summary>
/// Applies a draft's changes to its base definition and checks the result (pure, no I/O), so a version that
/// could grade nonsense — a bonus that deducts, thresholds out of order, a cap of zero — never gets stored.
/// Errors are keyed by the request field they blame.
/// </summary>
internal static partial class RuleSetDrafting
{
    public const int MaxVersionLength = 64;
    public const int MaxTitleLength = 200;
    private const int MaxPoints = 100;
    private const int MaxMonths = 120;

    public static void ValidateVersion(string? version, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(version) || version.Length > MaxVersionLength || !VersionPattern().IsMatch(version))
        {
            errors["version"] = [$"版本号须以四位年份开头，由小写字母、数字和连字符组成（如 2026-huaiyin-v2），不超过 {MaxVersionLength} 个字符。"];
        }
    }

    public static void ValidateTitle(string? title, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitleLength)
        {
            errors["title"] = [$"标题不能为空，且不超过 {MaxTitleLength} 个字符。"];
        }
    }

    /// <summary>The base definition with <paramref name="changes"/> applied; check <paramref name="errors"/> before using it.</summary>
    public static RuleSetDefinition Apply(RuleSetDefinition baseDefinition, IRuleSetChanges changes, Dictionary<string, string[]> errors)
    {
        var eventTypes = baseDefinition.EventTypes.ToList();
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var change in changes.EventTypes ?? [])
        {
            var field = $"eventTypes[{index++}]";
            var position = eventTypes.FindIndex(e => e.Code == change.Code);
            if (position < 0)
            {
                errors[$"{field}.code"] = [$"基础版本中没有事件类型“{change.Code}”。"];
                continue;
            }

            if (!changed.Add(change.Code))
            {
                errors[$"{field}.code"] = [$"事件类型“{change.Code}”重复修改，每个类型只能出现一次。"];
                continue;
            }

            if (Change(eventTypes[position], change, field, errors) is { } rule)
            {
                eventTypes[position] = rule;
            }
        }

        var caps = new Dictionary<RuleArea, int>(baseDefinition.AreaCaps);
        foreach (var (name, cap) in changes.AreaCaps ?? new Dictionary<string, int>())
        {
            var area = RuleSetTexts.DeductionAreas.Where(a => JsonNamingPolicy.CamelCase.ConvertName(a.ToString()) == name).ToList();
            if (area.Count == 0)
            {
                errors[$"areaCaps.{name}"] = ["未知的扣分领域，应为 payment、compliance、safety、orderlyUse 或 publicCredit。"];
            }
            else if (cap is <= 0 or > MaxPoints)
            {
                errors[$"areaCaps.{name}"] = [$"{StatusLabels.For(area[0])}扣分上限须在 1–{MaxPoints} 分之间。"];
            }
            else
            {
                caps[area[0]] = cap;
            }
        }

        if (changes.BonusCap is <= 0 or > MaxPoints)
        {
            errors["bonusCap"] = [$"加分上限须在 1–{MaxPoints} 分之间。"];
        }

        if (changes.GreenHistoryMonths is < 0 or > MaxMonths)
        {
            errors["greenHistoryMonths"] = [$"评为绿色所需的信用记录月数须在 0–{MaxMonths} 之间。"];
        }

        var result = baseDefinition with
        {
            EventTypes = eventTypes,
            AreaCaps = caps,
            BonusCap = changes.BonusCap ?? baseDefinition.BonusCap,
            GreenFrom = changes.GreenFrom ?? baseDefinition.GreenFrom,
            BlueFrom = changes.BlueFrom ?? baseDefinition.BlueFrom,
            YellowFrom = changes.YellowFrom ?? baseDefinition.YellowFrom,
            RedFrom = changes.RedFrom ?? baseDefinition.RedFrom,
            GreenHistoryMonths = changes.GreenHistoryMonths ?? baseDefinition.GreenHistoryMonths,
        };
        ValidateThresholds(result, changes, errors);
        return result;
    }

    private static EventTypeRule? Change(EventTypeRule rule, EventTypeChange change, string field, Dictionary<string, string[]> errors)
    {
        var before = errors.Count;
        var points = change.Points ?? rule.Points;
        if (change.Points is { } p)
        {
            var reason = rule.Area switch
            {
                RuleArea.Veto when p != 0 => "一票否决项不计分，分值须为 0。",
                RuleArea.Bonus when p is <= 0 or > MaxPoints => $"加分项的分值须为 1–{MaxPoints} 之间的正数。",
                not (RuleArea.Veto or RuleArea.Bonus) when p is >= 0 or < -MaxPoints =>
                    $"{StatusLabels.For(rule.Area)}类为扣分项，分值须为 -1 至 -{MaxPoints} 之间的负数。",
                _ => null,
            };
            if (reason is not null)
            {
                errors[$"{field}.points"] = [reason];
            }
        }

        if (change.UntilEnded == true && change.MonthsInForce is not null)
        {
            errors[$"{field}.monthsInForce"] = ["不能同时设置有效月数和“情形消除前持续有效”（untilEnded）。"];
        }
        else if (change.MonthsInForce is <= 0 or > MaxMonths)
        {
            errors[$"{field}.monthsInForce"] = [$"有效期须为 1–{MaxMonths} 个月。"];
        }

        var maxPoints = change.MaxPoints ?? rule.MaxPoints;
        if (change.MaxPoints is not null && rule.Area != RuleArea.Bonus)
        {
            errors[$"{field}.maxPoints"] = ["只有加分项可以设置累计上限。"];
        }
        else if (maxPoints is { } max && (max < points || max > MaxPoints))
        {
            errors[$"{field}.maxPoints"] = [$"累计上限须不低于单次分值（{points} 分）且不超过 {MaxPoints} 分。"];
        }

        if (errors.Count > before)
        {
            return null;
        }

        var months = change.UntilEnded == true ? null : change.MonthsInForce ?? rule.MonthsInForce;
        return rule with { Points = points, MonthsInForce = months, MaxPoints = maxPoints };
    }

    // Colours are checked from black upwards, so each threshold must sit strictly above the next worse one.
    private static void ValidateThresholds(RuleSetDefinition d, IRuleSetChanges changes, Dictionary<string, string[]> errors)
    {
        var ordered = d.RedFrom > 0 && d.RedFrom < d.YellowFrom && d.YellowFrom < d.BlueFrom && d.BlueFrom < d.GreenFrom && d.GreenFrom <= 100;
        if (ordered)
        {
            return;
        }

        var message = $"颜色分数线须严格递增：0 < 红色（{d.RedFrom}）< 黄色（{d.YellowFrom}）< 蓝色（{d.BlueFrom}）< 绿色（{d.GreenFrom}）≤ 100。";
        var blamed = new (string Field, int? Value)[]
            {
                ("redFrom", changes.RedFrom), ("yellowFrom", changes.YellowFrom), ("blueFrom", changes.BlueFrom), ("greenFrom", changes.GreenFrom),
            }
            .Where(x => x.Value is not null)
            .Select(x => x.Field)
            .DefaultIfEmpty("greenFrom");
        foreach (var field in blamed)
        {
            errors[field] = [message];
        }
    }

    [GeneratedRegex("^[0-9]{4}-[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex VersionPattern();
}
