using System.Security.Cryptography;
using System.Text;

namespace CreditPower.Notifications.Domain;

/// <summary>
/// Every notice text the service sends, as templates with <c>{placeholder}</c>s (DOMAIN.md §6). The seeds are version 1;
/// officers edit from there. The placeholder lists are what the senders fill in, so they are code, not data.
/// </summary>
public static class TemplateCatalog
{
    /// <summary>A grade change: who, the new colour, the score and the reasons in plain words.</summary>
    public static readonly IReadOnlyList<string> GradeParameters = ["name", "colour", "score", "reasons", "ruleVersion", "effectiveDate"];

    /// <summary>A notice letter: a grade change plus the letter's number, dates and the issuing office.</summary>
    public static readonly IReadOnlyList<string> LetterParameters =
        [.. GradeParameters, "number", "issueDate", "rectifyBy", "objectBy", "issuer", "issuerAddress", "issuerPhone"];

    public static readonly IReadOnlyList<string> ApplicationSubmittedParameters = ["name", "applicationType", "submittedDate", "greenChannel"];
    public static readonly IReadOnlyList<string> ApplicationStageParameters = ["name", "stage", "dueDate", "greenChannel"];
    public static readonly IReadOnlyList<string> ServiceOrderParameters = ["service", "status", "changedDate"];

    public const string CallScriptYellow = "call-script-yellow";
    public const string LetterFacts = "letter-facts";
    public const string LetterBasis = "letter-basis";
    public const string LetterConsequencesRed = "letter-consequences-red";
    public const string LetterConsequencesBlack = "letter-consequences-black";
    public const string LetterAction = "letter-action";
    public const string LetterRepairRed = "letter-repair-red";
    public const string LetterRepairBlack = "letter-repair-black";
    public const string LetterObjection = "letter-objection";
    public const string LetterContacts = "letter-contacts";
    public const string ApplicationSubmittedSms = "application-submitted-sms";
    public const string ApplicationSubmittedWeChat = "application-submitted-wechat";
    public const string ApplicationStageSms = "application-stage-sms";
    public const string ApplicationStageWeChat = "application-stage-wechat";
    public const string ServiceOrderSms = "service-order-sms";
    public const string ServiceOrderWeChat = "service-order-wechat";

    public static IReadOnlyList<TemplateDefinition> All { get; } =
    [
        new("grade-yellow-sms", "降为黄色：短信提醒", Channel.Sms, GradeParameters,
            "【淮阴供电】尊敬的{name}，您的用电信用等级已调整为黄色（{score} 分）。请按时缴纳电费、规范用电，详情可咨询营业厅。"),
        new("grade-yellow-wechat", "降为黄色：微信提醒", Channel.WeChat, GradeParameters,
            "{name}，您的用电信用等级已调整为黄色（{score} 分），请留意缴费和用电规范，及时改善信用状况。"),
        new(CallScriptYellow, "降为黄色：电话提醒话术", Channel.PhoneCall, GradeParameters,
            "您好，请问是{name}的负责人（或本人）吗？我是淮阴供电营业部的工作人员。今天来电是提醒您：根据电力信用评价规则，"
            + "您的用电信用等级已于 {effectiveDate} 调整为黄色（{score} 分），主要原因是：{reasons}。请您按时缴纳电费、规范用电；"
            + "原因消除且连续 3 个月没有新的失信记录后，信用等级可以恢复。如对评价结果有异议，可以到营业厅或拨打供电服务电话提出。"
            + "请问以上内容您是否清楚？感谢您的配合，再见。"),
        new("grade-warning-letter", "降为红色或黑色：书面告知函（联系记录摘要）", Channel.Letter, LetterParameters,
            "{name}：因{reasons}，您的用电信用等级已调整为{colour}。我单位将寄送书面告知函（{number}），请按函中要求整改。"),
        new("grade-warning-sms", "降为红色或黑色：短信警示", Channel.Sms, GradeParameters,
            "【淮阴供电】尊敬的{name}，您的用电信用等级已调整为{colour}，书面告知函将送达，请及时整改或提出异议。"),
        new("grade-warning-wechat", "降为红色或黑色：微信警示", Channel.WeChat, GradeParameters,
            "{name}，您的用电信用等级已调整为{colour}，请查收书面告知函并按要求整改。"),
        new("grade-upgrade-sms", "升为绿色或蓝色：短信祝贺", Channel.Sms, GradeParameters,
            "【淮阴供电】恭喜{name}，您的用电信用等级已提升为{colour}，可享受业扩报装绿色通道和增值用能服务。"),
        new(LetterFacts, "告知函：一、认定事实", Channel.Letter, LetterParameters,
            "经核查，你单位（户）存在以下情形：{reasons}。依据电力信用评价规则，你单位（户）当前电力信用评分为 {score} 分，"
            + "自 {effectiveDate} 起电力信用等级调整为{colour}。"),
        new(LetterBasis, "告知函：二、认定依据", Channel.Letter, LetterParameters,
            "《淮安市淮阴区电力领域社会信用体系建设工作方案》（2021 年 11 月 26 日发布）及我单位公示的电力信用评价规则（版本 {ruleVersion}）。"
            + "按照该方案，对电力信用等级为红色或黑色的电力用户，以书面告知函进行提醒和警示。"),
        new(LetterConsequencesRed, "告知函：三、等级后果（红色）", Channel.Letter, LetterParameters,
            "电力信用等级为红色期间，你单位（户）不能享受业扩报装绿色通道和增值用能服务，我单位将对你单位（户）加强用电检查。"),
        new(LetterConsequencesBlack, "告知函：三、等级后果（黑色）", Channel.Letter, LetterParameters,
            "电力信用等级为黑色期间，你单位（户）不能享受业扩报装绿色通道和增值用能服务，不适用信用承诺制办理用电业务，"
            + "可能被要求安装预付费电能表或提供履约担保，我单位将加强用电检查，相关信用记录将推送至公共信用信息系统；"
            + "存在欠费的，将依法依规履行停电程序。"),
        new(LetterAction, "告知函：四、整改要求", Channel.Letter, LetterParameters,
            "请于 {rectifyBy} 前结清欠费、完成整改或纠正上述失信行为，并将整改情况书面告知我单位。"),
        new(LetterRepairRed, "告知函：五、信用修复（红色）", Channel.Letter, LetterParameters,
            "失信行为纠正后连续 3 个月没有新的失信记录的，可向我单位申请信用修复。经审核同意修复的，"
            + "相关记录在信用档案中标注为“已修复”，不再对外公示。"),
        new(LetterRepairBlack, "告知函：五、信用修复（黑色）", Channel.Letter, LetterParameters,
            "失信行为纠正后连续 6 个月没有新的失信记录的，或一票否决事项的锁定期届满后，可向我单位申请信用修复。"
            + "经审核同意修复的，相关记录在信用档案中标注为“已修复”，不再对外公示。"),
        new(LetterObjection, "告知函：六、异议申诉", Channel.Letter, LetterParameters,
            "如对上述认定有异议，请于 {objectBy} 前（本函发出之日起 5 个工作日内）向我单位书面提出，并附相关证明材料。"
            + "我单位将在 1 个工作日内受理、10 个工作日内作出决定；异议处理期间，相关记录标注为“异议处理中”。"),
        new(LetterContacts, "告知函：七、联系方式", Channel.Letter, LetterParameters,
            "联系单位：{issuer}；地址：{issuerAddress}；联系电话：{issuerPhone}。"),
        new(ApplicationSubmittedSms, "用电申请受理：短信", Channel.Sms, ApplicationSubmittedParameters,
            "【淮阴供电】尊敬的{name}，您的{applicationType}申请已于 {submittedDate} 受理{greenChannel}。我们将尽快安排现场勘查，请保持电话畅通。"),
        new(ApplicationSubmittedWeChat, "用电申请受理：微信", Channel.WeChat, ApplicationSubmittedParameters,
            "{name}，您的{applicationType}申请已受理{greenChannel}，办理进度将通过短信和微信通知您。"),
        new(ApplicationStageSms, "用电申请环节变更：短信", Channel.Sms, ApplicationStageParameters,
            "【淮阴供电】尊敬的{name}，您的用电申请已进入“{stage}”环节{dueDate}。如有疑问请咨询营业厅。"),
        new(ApplicationStageWeChat, "用电申请环节变更：微信", Channel.WeChat, ApplicationStageParameters,
            "{name}，您的用电申请已进入“{stage}”环节{dueDate}。"),
        new(ServiceOrderSms, "用能服务订单变更：短信", Channel.Sms, ServiceOrderParameters,
            "【淮阴供电】尊敬的客户，您的“{service}”服务订单已于 {changedDate} 更新为：{status}。详情请咨询营业厅。"),
        new(ServiceOrderWeChat, "用能服务订单变更：微信", Channel.WeChat, ServiceOrderParameters,
            "您的“{service}”服务订单已更新为：{status}。"),
    ];

    private static readonly Dictionary<string, TemplateDefinition> _byCode = All.ToDictionary(t => t.Code, StringComparer.Ordinal);

    public static TemplateDefinition? Find(string code) => _byCode.GetValueOrDefault(code);

    public static TemplateDefinition Get(string code) =>
        Find(code) ?? throw new ArgumentOutOfRangeException(nameof(code), code, "Not a template of the catalogue.");

    /// <summary>Version 1 of every template, with ids derived from the code so the seed is the same in every migration.</summary>
    public static IEnumerable<NoticeTemplate> SeedVersions() => All.Select(t => new NoticeTemplate
    {
        Id = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"template:{t.Code}:1")).AsSpan(0, 16)),
        Code = t.Code,
        Version = 1,
        Body = t.Seed,
        CreatedBy = "system",
        CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        Note = "初始版本",
    });
}
