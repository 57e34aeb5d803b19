using System.Text.Json;
using CreditPower.Contracts;
using CreditPower.Grading.Data;
using Xunit;

namespace CreditPower.UnitTests.Grading.Reevaluation;

/// <summary>The grade history's compact reasons: what is written reads back the same; anything else is refused.</summary>
public sealed class StoredReasonsTests
{
    private static readonly List<GradeReason> _reasons =
    [
        new("late-payment-1-15", -2, "逾期缴费（1至15天）"),
        new("cap:bonus", -3, "加分超过上限，按 \"10\" 分计"),
        new("gate:history", 0, "信用记录不足 24 个月，暂不能评为绿色"),
    ];

    [Fact]
    public void Reasons_are_stored_as_triples_with_chinese_unescaped_and_read_back_equal()
    {
        var stored = StoredReasons.Serialize(_reasons);

        Assert.StartsWith("""[["late-payment-1-15",-2,"逾期缴费（1至15天）"],""", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("\"code\"", stored, StringComparison.Ordinal);
        Assert.Equal(_reasons, StoredReasons.Parse(stored));
        Assert.Equal("[]", StoredReasons.Serialize([]));
        Assert.Empty(StoredReasons.Parse("[]"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""[["code",-2]]""")]
    [InlineData("""[["code","-2","text"]]""")]
    [InlineData("""[1]""")]
    [InlineData("""[{"code":"a","points":-2,"description":"b"}]""")]
    public void Anything_else_is_refused(string stored) =>
        Assert.ThrowsAny<JsonException>(() => StoredReasons.Parse(stored));
}
