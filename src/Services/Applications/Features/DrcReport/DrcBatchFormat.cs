using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CreditPower.Applications.Domain;
using CreditPower.ServiceDefaults.Dates;

namespace CreditPower.Applications.Features.DrcReport;

/// <summary>Writes a batch's two files in the documented fixed schema, and their checksums.</summary>
internal static class DrcBatchFormat
{
    public static readonly string[] CsvColumns =
    [
        "batch_sequence", "letter_number", "uscc", "subject_name", "legal_representative", "address", "application_id",
        "application_type", "capacity_kva", "report_number", "report_issued_on", "report_issuer", "report_valid_until",
        "report_negative_items", "letter_date", "signed_by", "signed_at", "promises", "full_text",
    ];

    // Chinese stays readable in the file (no \uXXXX escapes); property names are camelCase as documented.
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };

    public static DrcLetterRecord Record(CommitmentLetter letter, ConnectionApplication application, CreditReport report) => new(
        letter.Number,
        letter.Identifier,
        letter.SubjectName,
        letter.LegalRepresentative,
        letter.Address,
        letter.ApplicationId,
        ApplicationTypes.Code(application.Type),
        application.CapacityKva,
        report.Number,
        Date(report.IssuedOn),
        report.Issuer,
        Date(report.ValidUntil),
        report.NegativeItems,
        Date(letter.LetterDate),
        letter.SignedBy!,
        Instant(letter.SignedAt!.Value),
        [.. letter.Commitments.OrderBy(c => c.Kind).Select(c => new DrcPromiseRecord(
            Kind(c.Kind), c.Promise, Date(ChinaDates.Day(c.Deadline)), c.State.ToString().ToLowerInvariant()))],
        letter.FullText);

    public static string Json(DrcBatchDocument document) => JsonSerializer.Serialize(document, _json);

    /// <summary>RFC 4180: comma-separated, every field quoted, CRLF line ends, UTF-8 with no byte-order mark.</summary>
    public static string Csv(int sequence, IEnumerable<DrcLetterRecord> letters)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', CsvColumns.Select(Quote))).Append("\r\n");
        foreach (var l in letters)
        {
            string[] fields =
            [
                sequence.ToString(CultureInfo.InvariantCulture), l.LetterNumber, l.Uscc, l.SubjectName, l.LegalRepresentative, l.Address,
                l.ApplicationId.ToString(), l.ApplicationType, l.CapacityKva.ToString(CultureInfo.InvariantCulture), l.ReportNumber,
                l.ReportIssuedOn, l.ReportIssuer, l.ReportValidUntil, string.Join('；', l.ReportNegativeItems), l.LetterDate, l.SignedBy,
                l.SignedAt, string.Join('；', l.Promises.Select(p => $"{p.Promise}@{p.Deadline}")), l.FullText,
            ];
            csv.Append(string.Join(',', fields.Select(Quote))).Append("\r\n");
        }

        return csv.ToString();
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Instant(DateTimeOffset at) =>
        ChinaDates.Local(at).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Kind(CommitmentKind kind) => kind switch
    {
        CommitmentKind.PropertyDocuments => "property-documents",
        CommitmentKind.BillsOnTime => "bills-on-time",
        CommitmentKind.NoTheft => "no-theft",
        _ => "prepaid-meter-on-breach",
    };

    private static string Quote(string field) => $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
