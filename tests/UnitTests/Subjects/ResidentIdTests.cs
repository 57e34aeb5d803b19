using CreditPower.ServiceDefaults.Subjects;
using Xunit;

namespace CreditPower.UnitTests.Subjects;

public sealed class ResidentIdTests
{
    // An independent re-implementation of GB 11643 (ISO 7064 mod 11-2): weight of position i is 2^(18−i) mod 11.
    private static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var weight = 1;
            for (var k = 0; k < 17 - i; k++)
            {
                weight = weight * 2 % 11;
            }

            sum += (first17[i] - '0') * weight;
        }

        var check = (12 - (sum % 11)) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    [Theory]
    [InlineData("32081119900101123", '7')]
    [InlineData("11010119851231000", '7')]
    [InlineData("32010420000229456", 'X')] // born on a leap day
    [InlineData("11010519491231002", 'X')] // the example of GB 11643
    [InlineData("32081119900101100", 'X')]
    public void Resident_id_with_check_character_computed_from_the_standard_is_valid(string first17, char expectedCheck)
    {
        Assert.Equal(expectedCheck, CheckCharacter(first17));

        Assert.True(ResidentId.IsValid(first17 + expectedCheck, out var reason), reason);
        Assert.Equal("", reason);
    }

    [Theory]
    [InlineData("11010519491231002x")]
    [InlineData(" 11010519491231002X ")]
    [InlineData("320811199001011237\n")]
    public void Resident_id_with_lower_case_x_or_surrounding_spaces_is_valid_after_normalizing(string typed) => Assert.True(ResidentId.IsValid(ResidentId.Normalize(typed), out var reason), reason);

    [Theory]
    [InlineData("320811199001011230", '7', '0')]
    [InlineData("320811199001011238", '7', '8')]
    [InlineData("32081119900101123X", '7', 'X')]
    [InlineData("110105194912310021", 'X', '1')]
    [InlineData("11010519491231002x", 'X', 'x')]
    public void Resident_id_with_wrong_check_digit_is_refused_with_the_expected_character(string id, char expected, char actual)
    {
        Assert.False(ResidentId.IsValid(id, out var reason));
        Assert.Contains("校验位错误", reason, StringComparison.Ordinal);
        Assert.Contains($"应为“{expected}”", reason, StringComparison.Ordinal);
        Assert.Contains($"实际为“{actual}”", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("32081119900230123")]
    [InlineData("32081119910229123")] // 1991 is not a leap year
    [InlineData("32081119001301123")]
    [InlineData("32081119900100123")]
    [InlineData("32081119900132123")]
    [InlineData("32081100000101123")]
    public void Resident_id_with_impossible_birth_date_is_refused_even_with_a_correct_check_character(string first17)
    {
        var id = first17 + CheckCharacter(first17);

        Assert.False(ResidentId.IsValid(id, out var reason));
        Assert.Contains($"出生日期“{id.Substring(6, 8)}”不是有效日期", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Resident_id_of_the_standards_own_example_born_in_1880_is_accepted()
    {
        Assert.True(ResidentId.IsValid("440524188001010014", out var reason), reason);
    }

    [Fact]
    public void Resident_id_born_in_the_future_is_refused()
    {
        var first17 = $"320811{DateTime.UtcNow.Year + 1}0101123";

        Assert.False(ResidentId.IsValid(first17 + CheckCharacter(first17), out var reason));
        Assert.Contains("出生日期", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3208111990010112A7", 17)]
    [InlineData("A20811199001011237", 1)]
    [InlineData("32081119900101 237", 15)]
    [InlineData("32081119９001011237", 9)] // a full-width digit is not an ASCII digit
    public void Resident_id_with_non_digit_is_refused_naming_the_position(string id, int position)
    {
        Assert.False(ResidentId.IsValid(id, out var reason));
        Assert.Contains($"第 {position} 位应为数字", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("320811900101123", 15)] // a first-generation 15-digit number
    [InlineData("32081119900101123", 17)]
    [InlineData("3208111990010112377", 19)]
    public void Resident_id_with_wrong_length_is_refused_with_the_actual_length(string id, int actualLength)
    {
        Assert.False(ResidentId.IsValid(id, out var reason));
        Assert.Contains("应为 18 位", reason, StringComparison.Ordinal);
        Assert.Contains($"实际为 {actualLength} 位", reason, StringComparison.Ordinal);
    }
}
