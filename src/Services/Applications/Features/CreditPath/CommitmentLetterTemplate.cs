using System.Globalization;
using CreditPower.Applications.Domain;
using CreditPower.ServiceDefaults.Dates;

namespace CreditPower.Applications.Features.CreditPath;

/// <summary>
/// The credit commitment letter's wording, filled from the application and its report. The text is frozen into the
/// letter when it is made: the PDF, the ledger's promises and the DRC report all read the same stored words.
/// </summary>
internal static class CommitmentLetterTemplate
{
    public const string Title = "信用承诺书";

    public static string Number(string prefix, int year, int serial) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}〔{year}〕{serial:D6}号");

    /// <summary>
    /// The promises with their deadlines (Beijing dates) as the letter and the ledger state them. Each reads on its own
    /// (the ledger, the DRC report and Grading's record quote one without the others) and ends without punctuation: the
    /// letter adds it.
    /// </summary>
    public static List<(CommitmentKind Kind, string Promise, DateOnly Deadline)> Promises(DateOnly letterDate, CommitmentOptions options)
    {
        var documents = letterDate.AddDays(options.PropertyDocumentDays);
        var conduct = letterDate.AddMonths(options.ConductMonths);
        return
        [
            (CommitmentKind.PropertyDocuments,
                string.Create(CultureInfo.InvariantCulture, $"于{ChinaDates.Format(documents)}前（{options.PropertyDocumentDays}日内）补齐用电地址的产权证明材料"), documents),
            (CommitmentKind.BillsOnTime, $"至{ChinaDates.Format(conduct)}止，按期足额缴纳电费，不拖欠电费", conduct),
            (CommitmentKind.NoTheft, $"至{ChinaDates.Format(conduct)}止，不窃电、不违约用电", conduct),
            (CommitmentKind.PrepaidMeterOnBreach, $"承诺期内（至{ChinaDates.Format(conduct)}止）如违反本承诺书任一承诺，同意改装预付费电能表或提供履约担保", conduct),
        ];
    }

    /// <summary>Title, number, addressee, body paragraphs and the three signature lines, one per element.</summary>
    public static List<string> Lines(
        string number, ConnectionApplication application, string legalRepresentative, CreditReport report,
        IReadOnlyList<(CommitmentKind Kind, string Promise, DateOnly Deadline)> promises, DateOnly letterDate, CommitmentOptions options)
    {
        var type = application.Type == ApplicationType.NewConnection ? "新装" : "增容";
        var negative = report.NegativeItems.Count == 0 ? "无" : string.Join("；", report.NegativeItems);
        string[] ordinals = ["一", "二", "三", "四", "五", "六"];
        var lines = new List<string>
        {
            Title,
            $"编号：{number}",
            $"致：{options.Addressee}",
            string.Create(CultureInfo.InvariantCulture,
                $"本单位{application.ApplicantName}（统一社会信用代码：{application.Identifier}，法定代表人：{legalRepresentative}）申请在{application.Address}办理{type}用电，申请容量{application.CapacityKva}千伏安。因暂时无法提供用电地址的产权证明，现申请以信用承诺方式办理。"),
            $"本单位已提交《江苏省法人公共信用信息查询报告》（编号：{report.Number}，出具机构：{report.Issuer}，出具日期：{ChinaDates.Format(report.IssuedOn)}，有效期至：{ChinaDates.Format(report.ValidUntil)}），报告所列失信信息：{negative}。",
            "本单位郑重承诺如下：",
        };
        // As a Chinese list of clauses is punctuated: a semicolon after each, a full stop after the last.
        lines.AddRange(promises.Select((p, i) => $"{ordinals[i]}、{p.Promise}{(i == promises.Count - 1 ? "。" : "；")}"));
        lines.Add($"本单位知悉：如违背上述承诺，将被认定为违诺失信行为，信用等级将被评为黑色，十二个月内不得以信用承诺方式办理业务；本承诺书及其履行情况将全文报送{options.DrcName}，纳入公共信用信息系统。");
        lines.Add("本承诺书自签署之日起生效。");
        lines.Add($"承诺单位（盖章）：{application.ApplicantName}");
        lines.Add("法定代表人或授权代理人（签字）：");
        lines.Add($"日期：{ChinaDates.Format(letterDate)}");
        return lines;
    }
}
