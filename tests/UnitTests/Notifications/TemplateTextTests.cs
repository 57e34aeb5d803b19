using CreditPower.Notifications.Domain;
using Xunit;

namespace CreditPower.UnitTests.Notifications;

public sealed class TemplateTextTests
{
    private static readonly string[] _allowed = ["name", "colour", "score"];

    [Fact]
    public void Placeholders_are_listed_once_in_order_of_first_use() =>
        Assert.Equal(["name", "score", "colour"], TemplateText.Placeholders("{name}（{score} 分）{name}{colour}"));

    [Fact]
    public void Render_fills_every_placeholder()
    {
        var text = TemplateText.Render("尊敬的{name}，您的等级为{colour}（{score} 分）。", new Dictionary<string, string>
        {
            ["name"] = "淮阴区测试有限公司",
            ["colour"] = "黄色",
            ["score"] = "68",
        });

        Assert.Equal("尊敬的淮阴区测试有限公司，您的等级为黄色（68 分）。", text);
    }

    [Fact]
    public void A_known_template_has_no_problems() => Assert.Empty(TemplateText.Problems("尊敬的{name}，您的等级为{colour}。", _allowed));

    [Fact]
    public void Unknown_placeholders_are_named_with_the_ones_allowed()
    {
        var problem = Assert.Single(TemplateText.Problems("尊敬的{name}，请于{deadline}前到{office}办理。", _allowed));

        Assert.Contains("{deadline}、{office}", problem, StringComparison.Ordinal);
        Assert.Contains("可用的占位符：{name}、{colour}、{score}", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("尊敬的{name，您好")]
    [InlineData("尊敬的name}，您好")]
    [InlineData("尊敬的{姓名}，您好")]
    [InlineData("尊敬的{ name }，您好")]
    public void Braces_that_are_not_a_placeholder_are_refused(string body) =>
        Assert.Contains(TemplateText.Problems(body, _allowed), p => p.Contains("花括号", StringComparison.Ordinal));

    [Fact]
    public void Every_seed_uses_only_its_own_placeholders_and_codes_are_unique()
    {
        Assert.Equal(TemplateCatalog.All.Count, TemplateCatalog.All.Select(t => t.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(TemplateCatalog.All, t => Assert.Empty(TemplateText.Problems(t.Seed, [.. t.Placeholders])));
    }

    [Fact]
    public void Seed_versions_are_version_one_with_stable_ids()
    {
        var first = TemplateCatalog.SeedVersions().ToList();
        var second = TemplateCatalog.SeedVersions().ToList();

        Assert.All(first, t => Assert.Equal(1, t.Version));
        Assert.Equal(first.Select(t => t.Id), second.Select(t => t.Id));
        Assert.Equal(first.Count, first.Select(t => t.Id).Distinct().Count());
    }
}
