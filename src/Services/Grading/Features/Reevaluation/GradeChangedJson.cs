using System.Text.Encodings.Web;
using System.Text.Json;
using CreditPower.Contracts;

namespace CreditPower.Grading.Features.Reevaluation;

/// <summary>
/// Writes the bulk path's JSON by hand: grade reasons and <see cref="CreditGradeChanged"/> exactly as
/// <c>JsonSerializer</c> writes them with the outbox's <see cref="JsonSerializerDefaults.Web"/> (camelCase, enums as
/// numbers, declaration order), without reflection and with the reasons written once for both the history and the
/// message. Unit-tested to equal the serializer's output.
/// </summary>
internal static class GradeChangedJson
{
    /// <summary>
    /// Without escaping Chinese text as \uXXXX: the outbox column is jsonb, which stores the decoded text, so the stored
    /// documents are the same, and the history's json column reads back to the same reasons; a third of the bytes go
    /// over the wire.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonEncodedText _code = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText _points = JsonEncodedText.Encode("points");
    private static readonly JsonEncodedText _description = JsonEncodedText.Encode("description");
    private static readonly JsonEncodedText _subjectId = JsonEncodedText.Encode("subjectId");
    private static readonly JsonEncodedText _subjectKind = JsonEncodedText.Encode("subjectKind");
    private static readonly JsonEncodedText _identifier = JsonEncodedText.Encode("identifier");
    private static readonly JsonEncodedText _name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText _accounts = JsonEncodedText.Encode("accounts");
    private static readonly JsonEncodedText _oldColour = JsonEncodedText.Encode("oldColour");
    private static readonly JsonEncodedText _newColour = JsonEncodedText.Encode("newColour");
    private static readonly JsonEncodedText _score = JsonEncodedText.Encode("score");
    private static readonly JsonEncodedText _reasons = JsonEncodedText.Encode("reasons");
    private static readonly JsonEncodedText _ruleVersion = JsonEncodedText.Encode("ruleVersion");
    private static readonly JsonEncodedText _effectiveAt = JsonEncodedText.Encode("effectiveAt");

    /// <summary>The reasons as an array of <see cref="GradeReason"/> objects.</summary>
    public static void WriteReasons(Utf8JsonWriter json, IReadOnlyList<GradeReason> reasons)
    {
        json.WriteStartArray();
        for (var r = 0; r < reasons.Count; r++)
        {
            WriteReason(json, reasons[r].Code, reasons[r].Points, reasons[r].Description);
        }

        json.WriteEndArray();
    }

    /// <summary>One <see cref="GradeReason"/> object, inside an array.</summary>
    public static void WriteReason(Utf8JsonWriter json, string code, int points, string description)
    {
        json.WriteStartObject();
        json.WriteString(_code, code);
        json.WriteNumber(_points, points);
        json.WriteString(_description, description);
        json.WriteEndObject();
    }

    /// <summary>A <see cref="CreditGradeChanged"/>; <paramref name="reasons"/> is the UTF-8 JSON of <see cref="WriteReasons"/>.</summary>
    public static void Write(
        Utf8JsonWriter json,
        Guid subjectId,
        SubjectKind kind,
        string identifier,
        string name,
        IReadOnlyList<string> accounts,
        CreditColour? oldColour,
        CreditColour newColour,
        int score,
        ReadOnlySpan<byte> reasons,
        string ruleVersion,
        DateTimeOffset effectiveAt)
    {
        json.WriteStartObject();
        json.WriteString(_subjectId, subjectId);
        json.WriteNumber(_subjectKind, (int)kind);
        json.WriteString(_identifier, identifier);
        json.WriteString(_name, name);
        json.WriteStartArray(_accounts);
        for (var a = 0; a < accounts.Count; a++)
        {
            json.WriteStringValue(accounts[a]);
        }

        json.WriteEndArray();
        if (oldColour is { } old)
        {
            json.WriteNumber(_oldColour, (int)old);
        }
        else
        {
            json.WriteNull(_oldColour);
        }

        json.WriteNumber(_newColour, (int)newColour);
        json.WriteNumber(_score, score);
        json.WritePropertyName(_reasons);
        json.WriteRawValue(reasons, skipInputValidation: true);
        json.WriteString(_ruleVersion, ruleVersion);
        json.WriteString(_effectiveAt, effectiveAt);
        json.WriteEndObject();
    }
}
