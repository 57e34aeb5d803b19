using System.Security.Claims;
using System.Text;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.Events;
using CreditPower.Grading.Features.Grades;
using CreditPower.Grading.Features.RuleSets;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CreditPower.Grading.Features.Import;

public sealed record ImportEventsResponse(int Imported, int Subjects, string Source, string Note);

internal static class ImportEvents
{
    public const long MaxFileBytes = 50L * 1024 * 1024;

    /// <summary>Beyond this the report stops listing (a garbage file could otherwise answer with millions of lines).</summary>
    private const int MaxReportedErrors = 1000;

    /// <summary>
    /// Imports credit events from a CSV file, validated whole before anything is written: every row error is
    /// reported and nothing is imported, or every row is imported in one transaction, in force (an imported file is
    /// an approved batch), and each subject re-graded once.
    /// </summary>
    public static async Task<Results<Ok<ImportEventsResponse>, ProblemHttpResult>> Handle(
        HttpContext http, ClaimsPrincipal user, GradingDbContext db, SubjectGrader grader, GradeCache cache, ActiveRuleSet activeRules,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (http.Request.ContentType is not { } contentType || !contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(title: "文件类型不正确", detail: "请以 text/csv（UTF-8）上传导入文件。", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (http.Request.ContentLength > MaxFileBytes)
        {
            return TooLarge();
        }

        // Only this endpoint takes files this big; every other route keeps the service-wide limit.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxFileBytes;
        }

        var now = clock.GetUtcNow();
        var rules = await activeRules.GetAsync(cancellationToken);
        var errors = new List<ImportRowError>();
        var rows = new List<ImportRow>();
        try
        {
            await ReadAsync(http.Request.Body, rules, now, rows, errors, cancellationToken);
        }
        catch (BadHttpRequestException bad) when (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }

        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add(new ImportRowError(2, "*", "文件中没有数据行。"));
        }

        // The ledger checks run on the rows that passed the others, so one answer lists every error of the file.
        var subjects = rows.Count == 0
            ? new Dictionary<string, Guid>(StringComparer.Ordinal)
            : await CheckAgainstLedgerAsync(db, rows, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return RowReport([.. errors.OrderBy(e => e.Row)]);
        }

        var recordedBy = user.Identity?.Name ?? "unknown";
        List<Subject> touched = [];
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            touched = await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var events = rows.Select(row => NewEvent(row, subjects[row.Identifier], rules.Version, recordedBy, now)).ToList();
                await CopyAsync(db, events, cancellationToken);
                foreach (var creditEvent in events.Where(e => e.Status == CreditEventStatus.InForce))
                {
                    EventLedger.AnnounceInForce(db, creditEvent, clock);
                }

                var ids = subjects.Values.Distinct().ToList();
                var regraded = await db.Subjects.Include(s => s.Accounts).Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken);
                await grader.RegradeSavedAsync(regraded, cause: $"import by {recordedBy}", upgradeAllowed: false, cancellationToken);

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return regraded;
            });
        }
        catch (PostgresException conflict) when (conflict.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return TypedResults.Problem(title: "记录已存在", detail: "文件中的外部编号已由另一次导入同时写入，本次未导入任何数据。", statusCode: StatusCodes.Status409Conflict);
        }

        await cache.InvalidateAsync(touched);

        return TypedResults.Ok(new ImportEventsResponse(rows.Count, touched.Count, LedgerSources.Import,
            "导入文件视为已审批的批次：事件直接生效，不再逐条经另一名人员审批。"));
    }

    private static async Task ReadAsync(Stream body, RuleSet rules, DateTimeOffset now, List<ImportRow> rows, List<ImportRowError> errors, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true);
        var byExternalId = new Dictionary<string, int>(StringComparer.Ordinal);
        var byContent = new Dictionary<(string, string, DateTimeOffset), int>();
        CsvRecord? header = null;
        await foreach (var record in CsvRecords.ReadAsync(reader, cancellationToken))
        {
            if (header is null)
            {
                header = record;
                if (ImportRows.CheckHeader(header) is { } wrong)
                {
                    errors.Add(wrong);
                    return;
                }

                continue;
            }

            if (ImportRows.Check(record, rules, now, errors) is not { } row)
            {
                continue;
            }

            if (byExternalId.TryGetValue(row.ExternalId, out var first))
            {
                errors.Add(new ImportRowError(row.Row, "externalId", $"外部编号与第 {first} 行重复。"));
            }
            else if (byContent.TryGetValue((row.Identifier, row.Rule.Code, row.OccurredAt), out first))
            {
                errors.Add(new ImportRowError(row.Row, "*", $"与第 {first} 行重复（同一主体、事件类型和发生时间）。"));
            }
            else
            {
                byExternalId[row.ExternalId] = row.Row;
                byContent[(row.Identifier, row.Rule.Code, row.OccurredAt)] = row.Row;
                rows.Add(row);
            }
        }

        if (header is null)
        {
            errors.Add(ImportRows.CheckHeader(null)!);
        }
    }

    /// <summary>The checks that need the ledger, each one query for the whole file (never one per row).</summary>
    private static async Task<Dictionary<string, Guid>> CheckAgainstLedgerAsync(
        GradingDbContext db, List<ImportRow> rows, List<ImportRowError> errors, CancellationToken cancellationToken)
    {
        var identifiers = rows.Select(r => r.Identifier).Distinct().ToList();
        var subjects = await db.Subjects.AsNoTracking()
            .Where(s => identifiers.Contains(s.Identifier))
            .ToDictionaryAsync(s => s.Identifier, s => s.Id, StringComparer.Ordinal, cancellationToken);
        var numbers = rows.Where(r => r.AccountNumber is not null).Select(r => r.AccountNumber!).Distinct().ToList();
        var accounts = await db.PowerAccounts.AsNoTracking()
            .Where(a => numbers.Contains(a.Number))
            .ToDictionaryAsync(a => a.Number, a => a.SubjectId, StringComparer.Ordinal, cancellationToken);
        var externalIds = rows.Select(r => r.ExternalId).ToList();
        var imported = (await db.CreditEvents.AsNoTracking()
            .Where(e => e.Source == LedgerSources.Import && e.ExternalId != null && externalIds.Contains(e.ExternalId))
            .Select(e => e.ExternalId!)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        foreach (var row in rows)
        {
            if (!subjects.TryGetValue(row.Identifier, out var subjectId))
            {
                errors.Add(new ImportRowError(row.Row, "identifier", "该统一社会信用代码或身份证号对应的信用主体尚未登记。"));
            }
            else if (row.AccountNumber is { } number && (!accounts.TryGetValue(number, out var owner) || owner != subjectId))
            {
                errors.Add(new ImportRowError(row.Row, "accountNumber", $"户号“{number}”不属于该信用主体。"));
            }

            if (imported.Contains(row.ExternalId))
            {
                errors.Add(new ImportRowError(row.Row, "externalId", $"外部编号“{row.ExternalId}”已经导入过。"));
            }
        }

        return subjects;
    }

    private static CreditEvent NewEvent(ImportRow row, Guid subjectId, string ruleVersion, string recordedBy, DateTimeOffset now)
    {
        var occurredAt = row.OccurredAt.ToUniversalTime();
        var expiresAt = row.Rule.ExpiresAt(occurredAt);
        return new CreditEvent
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subjectId,
            EventType = row.Rule.Code,
            Points = row.Rule.Points,
            OccurredAt = occurredAt,
            RecordedAt = now,
            ExpiresAt = expiresAt,
            Source = LedgerSources.Import,
            ExternalId = row.ExternalId,
            AccountNumber = row.AccountNumber,
            RuleVersion = ruleVersion,
            Evidence = row.Evidence,
            RecordedBy = recordedBy,
            Status = EventLedger.StatusOnEntry(expiresAt, now),
            ApprovedBy = recordedBy,
            ApprovedAt = now,
        };
    }

    /// <summary>Binary COPY into the ledger on the transaction's connection: a large file is one stream, not a row at a time.</summary>
    private static async Task CopyAsync(GradingDbContext db, List<CreditEvent> events, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var copy = await connection.BeginBinaryImportAsync(
            """COPY credit_events ("Id", "SubjectId", "EventType", "Points", "OccurredAt", "RecordedAt", "ExpiresAt", "Source", "ExternalId", "AccountNumber", "RuleVersion", "Evidence", "RecordedBy", "Status", "ApprovedBy", "ApprovedAt") FROM STDIN (FORMAT BINARY)""",
            cancellationToken);
        foreach (var e in events)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(e.Id, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(e.SubjectId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(e.EventType, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(e.Points, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(e.OccurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(e.RecordedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(copy, e.ExpiresAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(e.Source, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, e.ExternalId, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, e.AccountNumber, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(e.RuleVersion, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, e.Evidence, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(e.RecordedBy, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(e.Status.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, e.ApprovedBy, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, e.ApprovedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken);
        }
        else
        {
            await copy.WriteAsync(value, type, cancellationToken);
        }
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        title: "文件过大", detail: $"导入文件不能超过 {MaxFileBytes / 1024 / 1024} MB，请拆分后分批导入。", statusCode: StatusCodes.Status413PayloadTooLarge);

    private static ProblemHttpResult RowReport(List<ImportRowError> errors) => TypedResults.Problem(
        title: "导入文件有错误，未导入任何数据",
        detail: errors.Count > MaxReportedErrors
            ? $"共 {errors.Count} 处错误，以下列出前 {MaxReportedErrors} 处；请修正后重新导入整个文件。"
            : $"共 {errors.Count} 处错误；请修正后重新导入整个文件。",
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["rows"] = errors.Take(MaxReportedErrors).ToList(), ["errorCount"] = errors.Count });
}
