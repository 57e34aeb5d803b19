using CreditPower.Documents;
using Xunit;

namespace CreditPower.UnitTests.Documents;

public sealed class TextWrapperTests
{
    // Every character one unit wide: a line of width 10 holds ten characters.
    private static double Measure(string text) => text.Length;

    [Fact]
    public void Chinese_text_breaks_anywhere_at_the_width_and_loses_nothing()
    {
        const string Text = "经核查你单位存在以下情形电费逾期超过三十天经催缴仍未缴纳";

        var lines = TextWrapper.Wrap(Text, 10, Measure);

        Assert.Equal(Text, string.Concat(lines));
        Assert.All(lines, line => Assert.True(line.Length <= 10, line));
        Assert.Equal(3, lines.Count);
    }

    [Fact]
    public void Closing_punctuation_hangs_at_the_end_of_a_line_instead_of_starting_the_next()
    {
        var lines = TextWrapper.Wrap("一二三四五六七八九十，一二三。", 10, Measure);

        Assert.Equal(["一二三四五六七八九十，", "一二三。"], lines);
    }

    [Fact]
    public void Opening_punctuation_moves_to_the_next_line_with_what_it_opens()
    {
        var lines = TextWrapper.Wrap("一二三四五六七八九《方案》", 10, Measure);

        Assert.Equal(["一二三四五六七八九", "《方案》"], lines);
    }

    [Fact]
    public void A_latin_run_stays_whole_when_it_fits_a_line_and_is_broken_only_when_it_cannot()
    {
        Assert.Equal(["规则版本为", "2021-hy。"], TextWrapper.Wrap("规则版本为2021-hy。", 10, Measure));
        Assert.Equal(["规则版本为", "2021-huaiy", "in"], TextWrapper.Wrap("规则版本为2021-huaiyin", 10, Measure));
    }
}
