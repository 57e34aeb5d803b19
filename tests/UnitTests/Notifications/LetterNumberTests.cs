using CreditPower.Notifications.Domain;
using Xunit;

namespace CreditPower.UnitTests.Notifications;

public sealed class LetterNumberTests
{
    [Theory]
    [InlineData(2026, 1, "淮阴供电信告〔2026〕0001号")]
    [InlineData(2026, 42, "淮阴供电信告〔2026〕0042号")]
    [InlineData(2027, 9999, "淮阴供电信告〔2027〕9999号")]
    [InlineData(2027, 10000, "淮阴供电信告〔2027〕10000号")]
    public void Number_is_prefix_year_in_hexagonal_brackets_and_a_four_digit_serial(int year, int serial, string expected) =>
        Assert.Equal(expected, LetterNumber.Format("淮阴供电信告", year, serial));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Serials_start_at_one(int serial) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LetterNumber.Format("淮阴供电信告", 2026, serial));
}
