using CreditPower.Contracts;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace CreditPower.Grading.Features.RuleSets;

public sealed record PublicCriterion(string Code, RuleArea Area, string AreaName, string Name, int Points, string Period);

public sealed record PublicAreaCap(RuleArea Area, string AreaName, int Cap);

public sealed record PublicBonus(string Code, string Name, int Points, int? MaxPoints, string Period);

public sealed record PublicVeto(string Code, string Name, string LockPeriod);

/// <summary>A colour, its score band, its rule and its measures; green and blue are honest customers (诚信客户).</summary>
public sealed record PublicColour(CreditColour Colour, string Name, int MinScore, int MaxScore, string Rule, bool Honest, IReadOnlyList<string> Measures);

/// <summary>The public criteria page (失信行为认定标准公示), generated from the active rule set, in Chinese.</summary>
public sealed record PublicCriteriaResponse(
    string Version,
    string Title,
    DateTimeOffset? ActivatedAt,
    string ScoreRule,
    IReadOnlyList<PublicCriterion> Criteria,
    IReadOnlyList<PublicAreaCap> AreaCaps,
    IReadOnlyList<PublicBonus> Bonuses,
    int BonusCap,
    IReadOnlyList<PublicVeto> Vetoes,
    IReadOnlyList<PublicColour> Colours,
    IReadOnlyList<string> Notes);

internal static class GetPublicCriteria
{
    // Changes only on activation; a few minutes of staleness in a browser or proxy is harmless, and the ETag makes revalidation cheap.
    private const string CacheControl = "public, max-age=300";

    /// <summary>The criteria of the active rule set, open to anyone: cacheable, revalidated by ETag.</summary>
    public static async Task<Results<Ok<PublicCriteriaResponse>, StatusCodeHttpResult>> Handle(
        HttpContext http, GradingDbContext db, CancellationToken cancellationToken)
    {
        var active = await db.RuleSets.AsNoTracking().SingleOrDefaultAsync(v => v.Status == RuleSetStatus.Active, cancellationToken);
        var (version, title, activatedAt, definition) = active is null
            ? (DefaultRuleSet.Version, "电力领域信用评价默认规则", (DateTimeOffset?)null, RuleSetDefinition.From(DefaultRuleSet.Instance))
            : (active.Version, active.Title, active.ActivatedAt, active.Definition);

        var etag = new EntityTagHeaderValue($"\"{version}.{activatedAt?.ToUnixTimeMilliseconds() ?? 0}\"");
        http.Response.Headers.ETag = etag.ToString();
        http.Response.Headers.CacheControl = CacheControl;
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false) || tag.Equals(EntityTagHeaderValue.Any)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Ok(Build(version, title, activatedAt, definition));
    }

    internal static PublicCriteriaResponse Build(string version, string title, DateTimeOffset? activatedAt, RuleSetDefinition d) => new(
        version,
        title,
        activatedAt,
        $"信用评分 = 100 分 − 有效期内的扣分 + 有效期内的加分（加分合计不超过 {d.BonusCap} 分），结果在 0–100 分之间。各类扣分分别设有上限。",
        [.. d.EventTypes.Where(e => e.Points < 0).Select(e => new PublicCriterion(e.Code, e.Area, StatusLabels.For(e.Area), e.Name, e.Points, RuleSetTexts.Period(e)))],
        [.. d.AreaCaps.OrderBy(c => c.Key).Select(c => new PublicAreaCap(c.Key, StatusLabels.For(c.Key), c.Value))],
        [.. d.EventTypes.Where(e => e.Points > 0).Select(e => new PublicBonus(e.Code, e.Name, e.Points, e.MaxPoints, RuleSetTexts.Period(e)))],
        d.BonusCap,
        [.. d.EventTypes.Where(e => e.IsVeto).Select(e => new PublicVeto(e.Code, e.Name, RuleSetTexts.Period(e)))],
        Colours(d),
        [
            "评价由黑色向上逐级判断，首先满足的条件决定颜色。",
            "降级立即生效；升级须经月度评价或信用修复获批，每次最多提升一个颜色。",
            "各项记录自发生之日起计算有效期，到期后不再计入评分。",
            "对评价结果或信用记录有异议的，可向供电营业部提出异议；处理期间相关记录标注“异议处理中”。",
            "黄色在问题消除并保持 3 个月无新增不良记录后自动修复；红色保持 3 个月、黑色保持 6 个月无新增不良记录（或锁定期满）后可申请信用修复。",
        ]);

    private static List<PublicColour> Colours(RuleSetDefinition d) =>
    [
        new(CreditColour.Green, "绿色", d.GreenFrom, 100,
            $"评分 {d.GreenFrom} 分及以上，无欠费，信用记录满 {d.GreenHistoryMonths} 个月，且近 12 个月内未被评为红色或黑色", true,
            ["新装、增容享受绿色通道：优先受理、缩短办理时限", "公用变电站间隔、公用线路容量开放时优先接入", "可订购增值服务", "可办理承诺制接电", "列入守信表扬名单"]),
        new(CreditColour.Blue, "蓝色", d.BlueFrom, d.GreenFrom - 1,
            $"评分 {d.BlueFrom}–{d.GreenFrom - 1} 分；或评分 {d.GreenFrom} 分及以上但尚未满足绿色条件；新登记用户从蓝色起评", true,
            ["新装、增容享受绿色通道：优先受理、缩短办理时限", "公用变电站间隔、公用线路容量开放时优先接入", "可订购增值服务", "可办理承诺制接电"]),
        new(CreditColour.Yellow, "黄色", d.YellowFrom, d.BlueFrom - 1, $"评分 {d.YellowFrom}–{d.BlueFrom - 1} 分", false,
            ["正常办理各项业务", "通过电话、短信和微信进行提醒"]),
        new(CreditColour.Red, "红色", d.RedFrom, d.YellowFrom - 1,
            $"评分 {d.RedFrom}–{d.YellowFrom - 1} 分；或欠费超过 60 天、近 12 个月内有违约用电、重大隐患逾期未整改", false,
            ["不享受绿色通道和增值服务", "发送书面告知函", "加强用电检查"]),
        new(CreditColour.Black, "黑色", 0, d.RedFrom - 1, $"评分低于 {d.RedFrom} 分；或存在任一一票否决情形", false,
            ["不享受绿色通道和增值服务", "发送书面告知函，加强用电检查", "不能办理承诺制业务", "可能要求安装预付费电能表或提供担保", "信用记录推送至公共信用信息系统", "存在欠费的，依法采取停电等措施"]),
    ];
}
