using CreditPower.Applications.Domain;
using CreditPower.Applications.Features.CreditPath;
using CreditPower.Contracts;
using Xunit;

namespace CreditPower.UnitTests.Applications;

public sealed class CommitmentLetterTemplateTests
{
    private static readonly DateOnly _letterDate = new(2026, 11, 28);
    private static readonly CommitmentOptions _options = new() { PropertyDocumentDays = 90, ConductMonths = 12 };

    [Fact]
    public void Letter_numbers_are_six_digits_per_year()
    {
        Assert.Equal("淮阴供电信诺〔2026〕000031号", CommitmentLetterTemplate.Number("淮阴供电信诺", 2026, 31));
    }

    [Fact]
    public void Promises_carry_their_deadlines_from_the_letter_date()
    {
        var promises = CommitmentLetterTemplate.Promises(_letterDate, _options);

        Assert.Equal(
            [CommitmentKind.PropertyDocuments, CommitmentKind.BillsOnTime, CommitmentKind.NoTheft, CommitmentKind.PrepaidMeterOnBreach],
            promises.Select(p => p.Kind));
        Assert.Equal(new DateOnly(2027, 2, 26), promises[0].Deadline);
        Assert.StartsWith("于2027年2月26日前（90日内）补齐", promises[0].Promise, StringComparison.Ordinal);
        Assert.All(promises[1..], p => Assert.Equal(new DateOnly(2027, 11, 28), p.Deadline));
    }

    [Fact]
    public void The_letter_reads_as_written_chinese_with_the_last_promise_ending_in_a_full_stop()
    {
        var lines = Letter(negativeItems: []);

        Assert.Equal(
        [
            "信用承诺书",
            "编号：淮阴供电信诺〔2026〕000031号",
            "致：国网淮安供电公司淮阴区供电营业部",
            "本单位淮安市淮阴区示例机械有限公司（统一社会信用代码：91320804MA1XXXXX0Y，法定代表人：周振华）申请在淮安市淮阴区长江东路 88 号办理新装用电，申请容量630千伏安。因暂时无法提供用电地址的产权证明，现申请以信用承诺方式办理。",
            "本单位已提交《江苏省法人公共信用信息查询报告》（编号：JSXY-2026-000123，出具机构：江苏省公共信用信息中心，出具日期：2026年11月20日，有效期至：2027年2月20日），报告所列失信信息：无。",
            "本单位郑重承诺如下：",
            "一、于2027年2月26日前（90日内）补齐用电地址的产权证明材料；",
            "二、至2027年11月28日止，按期足额缴纳电费，不拖欠电费；",
            "三、至2027年11月28日止，不窃电、不违约用电；",
            "四、承诺期内（至2027年11月28日止）如违反本承诺书任一承诺，同意改装预付费电能表或提供履约担保。",
            "本单位知悉：如违背上述承诺，将被认定为违诺失信行为，信用等级将被评为黑色，十二个月内不得以信用承诺方式办理业务；本承诺书及其履行情况将全文报送淮阴区发展和改革委员会，纳入公共信用信息系统。",
            "本承诺书自签署之日起生效。",
            "承诺单位（盖章）：淮安市淮阴区示例机械有限公司",
            "法定代表人或授权代理人（签字）：",
            "日期：2026年11月28日",
        ], lines);
    }

    [Fact]
    public void Negative_records_the_report_lists_are_named_one_after_another()
    {
        var lines = Letter(negativeItems: ["2025年3月 淮安市生态环境局 行政处罚（一般）", "2025年6月 淮阴区市场监督管理局 警告"]);

        Assert.EndsWith("报告所列失信信息：2025年3月 淮安市生态环境局 行政处罚（一般）；2025年6月 淮阴区市场监督管理局 警告。", lines[4], StringComparison.Ordinal);
    }

    internal static List<string> Letter(List<string> negativeItems, string name = "淮安市淮阴区示例机械有限公司", string uscc = "91320804MA1XXXXX0Y")
    {
        var application = new ConnectionApplication
        {
            Identifier = uscc,
            SubjectKind = SubjectKind.LegalEntity,
            ApplicantName = name,
            Type = ApplicationType.NewConnection,
            CapacityKva = 630,
            Address = "淮安市淮阴区长江东路 88 号",
            SubmittedBy = "clerk",
        };
        var report = new CreditReport
        {
            Number = "JSXY-2026-000123",
            Issuer = "江苏省公共信用信息中心",
            IssuedOn = new DateOnly(2026, 11, 20),
            ValidUntil = new DateOnly(2027, 2, 20),
            NegativeItems = negativeItems,
        };
        var number = CommitmentLetterTemplate.Number("淮阴供电信诺", 2026, 31);
        return CommitmentLetterTemplate.Lines(number, application, "周振华", report, CommitmentLetterTemplate.Promises(_letterDate, _options), _letterDate, _options);
    }
}
