using CreditPower.Applications.Features.DrcReport;
using Xunit;

namespace CreditPower.UnitTests.Applications;

/// <summary>The DRC files of docs/drc-commitment-report.md and the daily schedule.</summary>
public sealed class DrcReportFormatTests
{
    [Fact]
    public void Csv_quotes_every_field_doubles_quotes_and_keeps_line_breaks_inside_the_field()
    {
        var letter = new DrcLetterRecord(
            "淮阴供电信诺〔2026〕000001号", "91350100M000100Y43", "某“恒通”公司", "周振华", "淮阴区", Guid.Empty, "new-connection", 400,
            "JSXY-1", "2026-11-25", "江苏省公共信用信息中心", "2026-12-25", ["处罚一", "处罚二"], "2026-11-28", "周振华",
            "2026-11-28T10:00:00+08:00", [new("no-theft", "不窃电", "2027-11-28", "pending")], "信用承诺书\n正文\"引号\"");

        var csv = DrcBatchFormat.Csv(7, [letter]);

        var lines = csv.Split("\r\n");
        Assert.Equal(string.Join(',', DrcBatchFormat.CsvColumns.Select(c => $"\"{c}\"")), lines[0]);
        Assert.Contains("\"处罚一；处罚二\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"不窃电@2027-11-28\"", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("\"信用承诺书\n正文\"\"引号\"\"\"", lines[1], StringComparison.Ordinal);
        Assert.Equal(string.Empty, lines[^1]);
    }

    [Fact]
    public void Checksums_are_lower_case_sha256_of_the_utf8_bytes() =>
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", DrcBatchFormat.Sha256(""));

    [Theory]
    [InlineData("2026-11-28T17:59:00Z", null)]          // 01:59 on the 29th in Beijing: not yet
    [InlineData("2026-11-28T18:00:00Z", "2026-11-29")]  // 02:00 on the 29th in Beijing
    [InlineData("2026-11-29T15:59:00Z", "2026-11-29")]  // still the 29th in Beijing, late in the day
    public void The_daily_batch_is_due_from_two_oclock_beijing(string now, string? day)
    {
        var due = DrcReportSchedule.DueDay(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(2, 0));

        Assert.Equal(day is null ? null : DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), due);
    }

    [Theory]
    [InlineData("2026-11-28T17:59:00Z", "2026-11-28T18:00:00Z")]  // 01:59 on the 29th in Beijing: today's, a minute away
    [InlineData("2026-11-28T18:00:00Z", "2026-11-29T18:00:00Z")]  // 02:00 on the 29th, the batch just made: tomorrow's
    [InlineData("2026-11-29T15:59:00Z", "2026-11-29T18:00:00Z")]  // 23:59 on the 29th: 02:00 on the 30th
    [InlineData("2026-11-29T16:00:00Z", "2026-11-29T18:00:00Z")]  // 00:00 on the 30th: the same 02:00, two hours on
    public void The_schedule_next_looks_at_the_first_two_oclock_beijing_after_now(string now, string next)
    {
        var run = DrcReportSchedule.NextRun(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(2, 0));

        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture), run);
    }
}
