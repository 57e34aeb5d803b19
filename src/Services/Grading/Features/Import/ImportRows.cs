using System.Globalization;
using CreditPower.Grading.Domain;
using CreditPower.ServiceDefaults.Dates;
using CreditPower.ServiceDefaults.Subjects;

namespace CreditPower.Grading.Features.Import;

/// <summary>What is wrong with one row of an import file, in words the officer who fixes the file reads.</summary>
public sealed record ImportRowError(int Row, string Column, string Reason);

/// <summary>A row that passed the checks that need no database.</summary>
internal sealed record ImportRow(int Row, string Identifier, EventTypeRule Rule, DateTimeOffset OccurredAt, string? AccountNumber, string? Evidence, string ExternalId);

/// <summary>The row checks of a CSV import that need no database (pure, so they are unit-tested).</summary>
internal static class ImportRows
{
    public static readonly string[] Header = ["identifier", "eventType", "occurredAt", "accountNumber", "evidence", "externalId"];

    public static ImportRowError? CheckHeader(CsvRecord? header)
    {
        if (header is not null && header.Fields.Select(f => f.Trim().TrimStart('\uFEFF')).SequenceEqual(Header, StringComparer.Ordinal))
        {
            return null;
        }

        return new ImportRowError(header?.Line ?? 1, "header", $"表头应为“{string.Join(',', Header)}”。");
    }

    /// <summary>Checks one data row; returns the parsed row, or null with every problem it has added to <paramref name="errors"/>.</summary>
    public static ImportRow? Check(CsvRecord record, RuleSet rules, DateTimeOffset now, List<ImportRowError> errors)
    {
        var row = record.Line;
        if (record.Fields.Count != Header.Length)
        {
            errors.Add(new ImportRowError(row, "*", $"列数不正确：应为 {Header.Length} 列，实际为 {record.Fields.Count} 列。"));
            return null;
        }

        var before = errors.Count;
        var fields = record.Fields.Select(f => f.Trim()).ToArray();
        var identifier = SubjectIdentifier.Normalize(fields[0]);
        if (identifier.Length == 0)
        {
            errors.Add(new(row, "identifier", "统一社会信用代码或身份证号不能为空。"));
        }
        else if (!Uscc.IsValid(identifier, out var usccReason) && !ResidentId.IsValid(identifier, out _))
        {
            errors.Add(new(row, "identifier", $"“{Shown(identifier)}”既不是有效的统一社会信用代码，也不是有效的身份证号：{usccReason}"));
        }

        var rule = rules.Find(fields[1]);
        if (rule is null)
        {
            errors.Add(new(row, "eventType", $"未知的信用事件类型“{fields[1]}”。"));
        }

        var occurredAt = ParseTime(fields[2]);
        if (occurredAt is null)
        {
            errors.Add(new(row, "occurredAt", $"无法识别的发生时间“{fields[2]}”，应为 2026-03-01 或 2026-03-01T10:00:00+08:00 的格式。"));
        }
        else if (occurredAt > now)
        {
            errors.Add(new(row, "occurredAt", "发生时间不能晚于当前时间。"));
        }

        var account = fields[3].Length == 0 ? null : fields[3];
        if (account is not null && (account.Length is < 10 or > 13 || !account.All(char.IsAsciiDigit)))
        {
            errors.Add(new(row, "accountNumber", "户号应为 10–13 位数字。"));
        }

        var evidence = fields[4].Length == 0 ? null : fields[4];
        if (evidence is { Length: > 500 })
        {
            errors.Add(new(row, "evidence", "证据说明不超过 500 个字符。"));
        }

        if (fields[5].Length is 0 or > 100)
        {
            errors.Add(new(row, "externalId", "外部编号不能为空，且不超过 100 个字符。"));
        }

        return errors.Count > before ? null : new ImportRow(row, identifier, rule!, occurredAt!.Value, account, evidence, fields[5]);
    }

    /// <summary>A date alone is a day in China; a time without an offset is China time too.</summary>
    public static DateTimeOffset? ParseTime(string value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return ChinaDates.StartOf(day);
        }

        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time))
        {
            return null;
        }

        return time.Kind switch
        {
            DateTimeKind.Unspecified => ChinaDates.At(DateOnly.FromDateTime(time), TimeOnly.FromDateTime(time)),
            _ => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) ? withOffset : null,
        };
    }

    // A failing identifier may be a mistyped resident ID, which is personal data: masked like everywhere else.
    private static string Shown(string identifier) => PersonalData.MaskIdentifier(identifier.Length > 18 ? identifier[..18] : identifier);
}
