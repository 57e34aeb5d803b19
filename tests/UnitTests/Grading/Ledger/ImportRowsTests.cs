using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.Import;
using Xunit;

namespace CreditPower.UnitTests.Grading.LedgerInput;

/// <summary>The checks of an import row that need no database, and the CSV reading under them.</summary>
public sealed class ImportRowsTests
{
    private const string ValidUscc = "91350100M000100Y43";
    private static readonly DateTimeOffset _now = new(2026, 3, 15, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_good_row_parses_with_its_rule_and_a_china_date()
    {
        var errors = new List<ImportRowError>();

        var row = ImportRows.Check(Record(ValidUscc.ToLowerInvariant(), "contract-violation", "2026-03-01", "3201000000001", "现场检查", "ext-1"), DefaultRuleSet.Instance, _now, errors);

        Assert.Empty(errors);
        Assert.NotNull(row);
        Assert.Equal(ValidUscc, row.Identifier);
        Assert.Equal(-15, row.Rule.Points);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(8)), row.OccurredAt);
    }

    [Theory]
    [InlineData("91350100M000100Y44", "contract-violation", "2026-03-01", "", "identifier")]
    [InlineData("", "contract-violation", "2026-03-01", "", "identifier")]
    [InlineData(ValidUscc, "moon-landing", "2026-03-01", "", "eventType")]
    [InlineData(ValidUscc, "contract-violation", "2026-02-30", "", "occurredAt")]
    [InlineData(ValidUscc, "contract-violation", "last tuesday", "", "occurredAt")]
    [InlineData(ValidUscc, "contract-violation", "2026-03-16", "", "occurredAt")]
    [InlineData(ValidUscc, "contract-violation", "2026-03-01", "12345", "accountNumber")]
    public void A_bad_cell_is_reported_by_its_column(string identifier, string eventType, string occurredAt, string account, string column)
    {
        var errors = new List<ImportRowError>();

        var row = ImportRows.Check(Record(identifier, eventType, occurredAt, account, "", "ext-1"), DefaultRuleSet.Instance, _now, errors);

        Assert.Null(row);
        var error = Assert.Single(errors);
        Assert.Equal((7, column), (error.Row, error.Column));
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_columns_is_one_error()
    {
        var errors = new List<ImportRowError>();

        Assert.Null(ImportRows.Check(new CsvRecord(3, [ValidUscc, "contract-violation"]), DefaultRuleSet.Instance, _now, errors));

        Assert.Equal((3, "*"), (Assert.Single(errors).Row, errors[0].Column));
    }

    [Fact]
    public void Every_bad_cell_of_a_row_is_reported()
    {
        var errors = new List<ImportRowError>();

        ImportRows.Check(Record("bad", "moon-landing", "never", "1", "", ""), DefaultRuleSet.Instance, _now, errors);

        Assert.Equal(["identifier", "eventType", "occurredAt", "accountNumber", "externalId"], errors.Select(e => e.Column));
    }

    [Fact]
    public void A_resident_id_in_a_reason_is_masked()
    {
        var errors = new List<ImportRowError>();

        ImportRows.Check(Record("320811199001011230", "contract-violation", "2026-03-01", "", "", "x"), DefaultRuleSet.Instance, _now, errors);

        Assert.DoesNotContain("199001011", Assert.Single(errors).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("identifier,eventType,occurredAt,accountNumber,evidence,externalId", true)]
    [InlineData("\uFEFFidentifier,eventType,occurredAt,accountNumber,evidence,externalId", true)]
    [InlineData("identifier,eventType,occurredAt,evidence,accountNumber,externalId", false)]
    [InlineData("identifier,eventType,occurredAt", false)]
    public void The_header_must_name_the_six_columns_in_order(string header, bool accepted)
    {
        var record = new CsvRecord(1, header.Split(','));

        Assert.Equal(accepted, ImportRows.CheckHeader(record) is null);
    }

    [Fact]
    public async Task Quoted_fields_keep_commas_quotes_and_line_breaks_and_rows_keep_their_line_numbers()
    {
        using var reader = new StringReader("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\n\"two\nlines\",z\n");

        var records = new List<CsvRecord>();
        await foreach (var record in CsvRecords.ReadAsync(reader, TestContext.Current.CancellationToken))
        {
            records.Add(record);
        }

        Assert.Equal([1, 2, 4], records.Select(r => r.Line));
        Assert.Equal(["x, y", "say \"hi\""], records[1].Fields);
        Assert.Equal(["two\nlines", "z"], records[2].Fields);
    }

    private static CsvRecord Record(params string[] fields) => new(7, fields);
}
