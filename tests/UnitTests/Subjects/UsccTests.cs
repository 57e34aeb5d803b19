using CreditPower.ServiceDefaults.Subjects;
using Xunit;

namespace CreditPower.UnitTests.Subjects;

public sealed class UsccTests
{
    // An independent re-implementation of GB 32100-2015 as DOMAIN.md §2 states it.
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var weight = 1;
            for (var k = 0; k < i; k++)
            {
                weight = weight * 3 % 31;
            }

            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * weight;
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("914403001922038216")]
    public void Uscc_examples_from_the_domain_are_valid(string code)
    {
        Assert.True(Uscc.IsValid(code, out var reason), reason);
        Assert.Equal("", reason);
    }

    [Theory]
    [InlineData("91350100m000100y43")]
    [InlineData("  91350100M000100Y43 ")]
    [InlineData("\t91350100m000100y43\n")]
    [InlineData(" 914403001922038216  ")]
    public void Uscc_in_lower_case_or_with_surrounding_spaces_is_valid_after_normalizing(string typed)
    {
        var code = Uscc.Normalize(typed);

        Assert.Equal(18, code.Length);
        Assert.True(Uscc.IsValid(code, out var reason), reason);
    }

    [Fact]
    public void Uscc_normalize_turns_null_into_an_empty_code_that_is_refused()
    {
        var code = Uscc.Normalize(null);

        Assert.Equal("", code);
        Assert.False(Uscc.IsValid(code, out var reason));
        Assert.Contains("实际为 0 位", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Uscc_in_lower_case_is_refused_when_not_normalized()
    {
        Assert.False(Uscc.IsValid("91350100m000100Y43", out var reason));
        Assert.Contains("第 9 位字符“m”", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("91350100M000100Y4", 17)]
    [InlineData("91350100M000100Y433", 19)]
    [InlineData("913501", 6)]
    [InlineData("91350100M000100Y43 ", 19)]
    public void Uscc_with_wrong_length_is_refused_with_the_actual_length(string code, int actualLength)
    {
        Assert.False(Uscc.IsValid(code, out var reason));
        Assert.Contains("应为 18 位", reason, StringComparison.Ordinal);
        Assert.Contains($"实际为 {actualLength} 位", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I1350100M000100Y43", 1, 'I')]
    [InlineData("91350100O000100Y43", 9, 'O')]
    [InlineData("913501Z0M000100Y43", 7, 'Z')]
    [InlineData("91350100M0001S0Y43", 14, 'S')]
    [InlineData("91350100M000100V43", 16, 'V')]
    [InlineData("91350100M000100Y4I", 18, 'I')]
    [InlineData("91350100M000100Y4-", 18, '-')]
    [InlineData("91350100M000 00Y43", 13, ' ')]
    public void Uscc_with_a_forbidden_character_is_refused_naming_the_position_and_character(string code, int position, char character)
    {
        Assert.False(Uscc.IsValid(code, out var reason));
        Assert.Contains($"第 {position} 位字符“{character}”", reason, StringComparison.Ordinal);
        Assert.Contains("不含 I、O、Z、S、V", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("91350100M000100Y44", '3', '4')]
    [InlineData("91350100M000100Y40", '3', '0')]
    [InlineData("914403001922038217", '6', '7')]
    [InlineData("91440300192203821Y", '6', 'Y')]
    public void Uscc_with_wrong_check_character_is_refused_with_the_expected_character(string code, char expected, char actual)
    {
        Assert.False(Uscc.IsValid(code, out var reason));
        Assert.Contains("校验位错误", reason, StringComparison.Ordinal);
        Assert.Contains($"应为“{expected}”", reason, StringComparison.Ordinal);
        Assert.Contains($"实际为“{actual}”", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("91320811MA1N2ABC0", 'U')]
    [InlineData("12320800466012345", '8')]
    [InlineData("52320800MJ0000001", '1')]
    [InlineData("93320811MA1P00000", 'M')]
    [InlineData("91110000100000000", 'R')]
    [InlineData("91320800720W12345", '0')] // Σ ≡ 0 (mod 31): check value 31 becomes 0.
    public void Uscc_with_check_character_computed_from_the_standard_is_valid(string first17, char expectedCheck)
    {
        Assert.Equal(expectedCheck, CheckCharacter(first17));

        Assert.True(Uscc.IsValid(first17 + expectedCheck, out var reason), reason);
    }

    [Theory]
    [InlineData("91320811MA1N2ABC0", 0)]
    [InlineData("91320811MA1N2ABC0", 9)]
    [InlineData("12320800466012345", 16)]
    [InlineData("52320800MJ0000001", 4)]
    [InlineData("93320811MA1P00000", 11)]
    [InlineData("91320800720W12345", 11)]
    public void Uscc_with_one_character_changed_is_refused_with_the_expected_character(string first17, int position)
    {
        var valid = first17 + CheckCharacter(first17);
        var chars = valid.ToCharArray();
        var value = Alphabet.IndexOf(chars[position], StringComparison.Ordinal);
        chars[position] = Alphabet[(value + 1) % Alphabet.Length];
        var changed = new string(chars);
        var expected = CheckCharacter(changed[..17]);

        Assert.NotEqual(valid[17], expected);
        Assert.False(Uscc.IsValid(changed, out var reason));
        Assert.Contains($"应为“{expected}”", reason, StringComparison.Ordinal);
        Assert.Contains($"实际为“{valid[17]}”", reason, StringComparison.Ordinal);
    }
}
