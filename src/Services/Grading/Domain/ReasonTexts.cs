using System.Globalization;
using System.Runtime.CompilerServices;
using CreditPower.Contracts;

namespace CreditPower.Grading.Domain;

/// <summary>
/// The wording of every reason a rule-set version gives, by reason code: the rules' names, their vetoes and caps, and
/// the fixed conditions, gates and movement rules. The scoring writes its reasons with these words, and the grade
/// history keeps only each reason's code and points (<see cref="StoredReasons"/>), or the code alone where the points are
/// the code's own (<see cref="PointsOf"/>), taking the rest back from the version that produced the grade; approved
/// versions never change. The fixed words below and the templates of the caps,
/// gates and vetoes word every stored grade too: changing one rewords history, so a new wording takes a new code
/// (ReasonTextsTests holds them).
/// </summary>
public sealed class ReasonTexts
{
    public const string RedArrears = "red:arrears-over-60-days";
    public const string RedContractViolation = "red:contract-violation";
    public const string RedMajorHazard = "red:major-hazard";
    public const string GateArrears = "gate:arrears";
    public const string GateHistory = "gate:history";
    public const string GateRecentRedOrBlack = "gate:recent-red-or-black";
    public const string NewSubject = "movement:new-subject";
    public const string UpgradeHeld = "movement:upgrade-held";
    public const string OneStep = "movement:one-step";
    public const string BonusCap = "cap:bonus";
    public const string ObjectionFrozen = "objection:frozen";

    private static readonly ConditionalWeakTable<RuleSet, ReasonTexts> _byRuleSet = [];

    private static readonly Dictionary<string, string> _fixed = new(StringComparer.Ordinal)
    {
        [RedArrears] = "欠费超过 60 天未缴",
        [RedContractViolation] = "近 12 个月内有违约用电",
        [RedMajorHazard] = "重大隐患逾期未整改",
        [GateArrears] = "存在欠费，暂不能评为绿色",
        [GateRecentRedOrBlack] = "近 12 个月内曾被评为红色或黑色，暂不能评为绿色",
        [NewSubject] = "新登记的信用主体从蓝色起评",
        [UpgradeHeld] = "升级须经月度评价或信用修复，暂保持原颜色",
        [OneStep] = "每次评价最多提升一个颜色",
        [ObjectionFrozen] = "有记录处于异议处理中，暂保持原颜色",
    };

    /// <summary>The words of the reasons no rule set changes, for a grade whose version is not known.</summary>
    public static ReasonTexts Fixed { get; } = new(new Dictionary<string, string>(_fixed, StringComparer.Ordinal), FixedPoints());

    private readonly Dictionary<string, string> _texts;
    private readonly Dictionary<string, int> _points;

    private ReasonTexts(Dictionary<string, string> texts, Dictionary<string, int> points) => (_texts, _points) = (texts, points);

    /// <summary>The texts of <paramref name="rules"/>, made once per rule-set instance.</summary>
    public static ReasonTexts For(RuleSet rules) => _byRuleSet.GetValue(rules, Build);

    /// <summary>The code of the area cap's reason.</summary>
    public static string CapCode(RuleArea area) => $"cap:{area}";

    /// <summary>The words of a veto's reason.</summary>
    public static string VetoWords(EventTypeRule rule) => $"一票否决：{rule.Name}";

    /// <summary>The words of <paramref name="code"/>, or null when this version has none (or two rules share the code).</summary>
    public string? Of(string code) => _texts.GetValueOrDefault(code);

    /// <summary>
    /// The points a reason of <paramref name="code"/> has in this version's words unless it says otherwise: a rule's own
    /// points (none for a veto, whose reason decides the colour, not the score) and none for the fixed conditions, gates
    /// and movement rules; null where they vary (caps) or the code is not this version's.
    /// </summary>
    public int? PointsOf(string code) => _points.TryGetValue(code, out var points) ? points : null;

    /// <summary>A reason in this version's words.</summary>
    public GradeReason Reason(string code, int points) =>
        new(code, points, Of(code) ?? throw new InvalidOperationException($"Rule set has no words for reason {code}."));

    private static ReasonTexts Build(RuleSet rules)
    {
        var texts = new Dictionary<string, string>(_fixed, StringComparer.Ordinal)
        {
            [BonusCap] = string.Create(CultureInfo.InvariantCulture, $"加分以 {rules.BonusCap} 分为上限"),
            [GateHistory] = string.Create(CultureInfo.InvariantCulture, $"信用记录不足 {rules.GreenHistoryMonths} 个月，暂不能评为绿色"),
        };
        foreach (var (area, cap) in rules.AreaCaps)
        {
            texts[CapCode(area)] = string.Create(CultureInfo.InvariantCulture, $"{StatusLabels.For(area)}扣分以 {cap} 分为上限");
        }

        // A code two rules word differently has no standard words: those reasons keep theirs in the history.
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules.EventTypes.Values)
        {
            var words = rule.IsVeto ? VetoWords(rule) : rule.Name;
            if (texts.TryGetValue(rule.Code, out var known) && known != words)
            {
                ambiguous.Add(rule.Code);
            }

            texts[rule.Code] = words;
        }

        // Likewise a code two rules give different points has no points of its own.
        var points = FixedPoints();
        points[GateHistory] = 0;
        foreach (var rule in rules.EventTypes.Values)
        {
            var own = rule.IsVeto ? 0 : rule.Points;
            if (points.TryGetValue(rule.Code, out var known) && known != own)
            {
                ambiguous.Add(rule.Code);
            }

            points[rule.Code] = own;
        }

        foreach (var code in ambiguous)
        {
            texts.Remove(code);
            points.Remove(code);
        }

        return new ReasonTexts(texts, points);
    }

    private static Dictionary<string, int> FixedPoints() => _fixed.Keys.ToDictionary(code => code, _ => 0, StringComparer.Ordinal);
}
