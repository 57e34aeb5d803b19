using CreditPower.Contracts;
using CreditPower.Notifications.Domain;
using Xunit;

namespace CreditPower.UnitTests.Notifications;

public sealed class GradeNoticesTests
{
    private const string Name = "淮安市清江浦区示例机械有限公司";

    private static CreditGradeChanged Change(CreditColour? from, CreditColour to, int score = 70, params GradeReason[] reasons) => new()
    {
        SubjectId = Guid.NewGuid(),
        SubjectKind = SubjectKind.LegalEntity,
        Identifier = "91350100M000100Y43",
        Name = Name,
        Accounts = ["3200123456"],
        OldColour = from,
        NewColour = to,
        Score = score,
        Reasons = reasons,
        RuleVersion = "2021-huaiyin-default",
        EffectiveAt = new DateTimeOffset(2026, 3, 15, 10, 0, 0, TimeSpan.FromHours(8)),
    };

    /// <summary>What the customer reads: the notice's seed template filled with the change's parameters.</summary>
    private static List<(Channel Channel, string TemplateCode, string Content)> Rendered(CreditGradeChanged change) =>
    [
        .. GradeNotices.For(change).Select(n =>
            (n.Channel, n.TemplateCode, TemplateText.Render(TemplateCatalog.Get(n.TemplateCode).Seed, GradeNotices.Parameters(change)))),
    ];

    [Theory]
    [InlineData(CreditColour.Green)]
    [InlineData(CreditColour.Blue)]
    public void Downgrade_to_yellow_sends_sms_and_wechat_and_asks_for_a_call(CreditColour from)
    {
        var notices = Rendered(Change(from, CreditColour.Yellow, score: 68, new GradeReason("late-payment-over-30", -8, "电费逾期超过 30 天（经催缴）")));

        Assert.Equal([Channel.Sms, Channel.WeChat, Channel.PhoneCall], notices.Select(n => n.Channel));
        Assert.Equal(["grade-yellow-sms", "grade-yellow-wechat", "call-script-yellow"], notices.Select(n => n.TemplateCode));
        Assert.All(notices, notice =>
        {
            Assert.Contains(Name, notice.Content, StringComparison.Ordinal);
            Assert.Contains("黄色", notice.Content, StringComparison.Ordinal);
            Assert.Contains("68 分", notice.Content, StringComparison.Ordinal);
        });
        Assert.StartsWith("【淮阴供电】", notices[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Call_script_greets_names_the_reasons_and_the_date_and_says_how_to_object()
    {
        var script = Rendered(Change(CreditColour.Blue, CreditColour.Yellow, 66, new GradeReason("late-payment-over-30", -8, "电费逾期超过 30 天（经催缴）")))
            .Single(n => n.Channel == Channel.PhoneCall).Content;

        Assert.StartsWith($"您好，请问是{Name}的负责人", script, StringComparison.Ordinal);
        Assert.Contains("2026年3月15日 调整为黄色（66 分）", script, StringComparison.Ordinal);
        Assert.Contains("主要原因是：电费逾期超过 30 天（经催缴）。", script, StringComparison.Ordinal);
        Assert.Contains("异议", script, StringComparison.Ordinal);
        Assert.DoesNotContain("{", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CreditColour.Green, CreditColour.Red, "红色")]
    [InlineData(CreditColour.Blue, CreditColour.Red, "红色")]
    [InlineData(CreditColour.Yellow, CreditColour.Red, "红色")]
    [InlineData(CreditColour.Green, CreditColour.Black, "黑色")]
    [InlineData(CreditColour.Yellow, CreditColour.Black, "黑色")]
    [InlineData(CreditColour.Red, CreditColour.Black, "黑色")]
    public void Downgrade_to_red_or_black_sends_letter_sms_and_wechat(CreditColour from, CreditColour to, string colourName)
    {
        var notices = Rendered(Change(from, to, score: 45));

        Assert.Equal([Channel.Letter, Channel.Sms, Channel.WeChat], notices.Select(n => n.Channel));
        Assert.Equal(["grade-warning-letter", "grade-warning-sms", "grade-warning-wechat"], notices.Select(n => n.TemplateCode));
        Assert.All(notices, notice =>
        {
            Assert.Contains(Name, notice.Content, StringComparison.Ordinal);
            Assert.Contains($"调整为{colourName}", notice.Content, StringComparison.Ordinal);
            Assert.Contains("告知函", notice.Content, StringComparison.Ordinal);
        });
        Assert.StartsWith("【淮阴供电】", notices[1].Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CreditColour.Red)]
    [InlineData(CreditColour.Black)]
    public void First_grade_of_red_or_black_sends_letter_sms_and_wechat(CreditColour to)
    {
        var notices = GradeNotices.For(Change(null, to));

        Assert.Equal([Channel.Letter, Channel.Sms, Channel.WeChat], notices.Select(n => n.Channel));
    }

    [Theory]
    [InlineData(CreditColour.Yellow, CreditColour.Blue, "蓝色")]
    [InlineData(CreditColour.Blue, CreditColour.Green, "绿色")]
    [InlineData(CreditColour.Red, CreditColour.Blue, "蓝色")]
    public void Upgrade_to_green_or_blue_sends_one_sms_congratulation(CreditColour from, CreditColour to, string colourName)
    {
        var notices = Rendered(Change(from, to, score: 92));

        var notice = Assert.Single(notices);
        Assert.Equal(Channel.Sms, notice.Channel);
        Assert.Equal("grade-upgrade-sms", notice.TemplateCode);
        Assert.StartsWith("【淮阴供电】恭喜", notice.Content, StringComparison.Ordinal);
        Assert.Contains(Name, notice.Content, StringComparison.Ordinal);
        Assert.Contains($"提升为{colourName}", notice.Content, StringComparison.Ordinal);
        Assert.Contains("绿色通道", notice.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CreditColour.Green, CreditColour.Blue)] // a downgrade that stays honest
    [InlineData(CreditColour.Black, CreditColour.Red)] // upgrades below blue
    [InlineData(CreditColour.Red, CreditColour.Yellow)]
    [InlineData(CreditColour.Black, CreditColour.Yellow)]
    [InlineData(CreditColour.Green, CreditColour.Green)] // no change of colour
    [InlineData(CreditColour.Blue, CreditColour.Blue)]
    [InlineData(CreditColour.Yellow, CreditColour.Yellow)]
    [InlineData(CreditColour.Red, CreditColour.Red)]
    [InlineData(CreditColour.Black, CreditColour.Black)]
    [InlineData(null, CreditColour.Green)] // first grades that are not a warning
    [InlineData(null, CreditColour.Blue)]
    [InlineData(null, CreditColour.Yellow)]
    public void Other_transitions_send_no_notice(CreditColour? from, CreditColour to) => Assert.Empty(GradeNotices.For(Change(from, to)));

    [Fact]
    public void Warning_letter_names_up_to_three_reasons_and_leaves_out_bookkeeping()
    {
        var change = Change(
            CreditColour.Blue,
            CreditColour.Red,
            55,
            new GradeReason("cap:Payment", 6, "电费缴纳扣分以 40 分为上限"),
            new GradeReason("contract-violation", -15, "违约用电"),
            new GradeReason("gate:history", 0, "信用记录不足 12 个月"),
            new GradeReason("red:contract-violation", 0, "近 12 个月内有违约用电"),
            new GradeReason("movement:one-step", 0, "每次评价最多提升一个颜色"),
            new GradeReason("late-payment-over-30", -8, "电费逾期超过 30 天（经催缴）"),
            new GradeReason("payment-returned", -3, "缴费被退回"));

        var letter = Rendered(change).Single(n => n.Channel == Channel.Letter);

        Assert.StartsWith($"{Name}：因违约用电、近 12 个月内有违约用电、电费逾期超过 30 天（经催缴），", letter.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("缴费被退回", letter.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("上限", letter.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("信用记录不足", letter.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("最多提升", letter.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Warning_letter_without_named_reasons_says_the_score_fell()
    {
        var change = Change(CreditColour.Yellow, CreditColour.Red, 58, new GradeReason("cap:Payment", 2, "电费缴纳扣分以 40 分为上限"));

        var letter = Rendered(change).Single(n => n.Channel == Channel.Letter);

        Assert.StartsWith($"{Name}：因信用评分下降，", letter.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CreditColour.Green, "绿色")]
    [InlineData(CreditColour.Blue, "蓝色")]
    [InlineData(CreditColour.Yellow, "黄色")]
    [InlineData(CreditColour.Red, "红色")]
    [InlineData(CreditColour.Black, "黑色")]
    public void Colour_has_its_chinese_name(CreditColour colour, string name) => Assert.Equal(name, GradeNotices.ColourName(colour));
}
