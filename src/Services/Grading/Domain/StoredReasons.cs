using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CreditPower.Contracts;

namespace CreditPower.Grading.Domain;

/// <summary>
/// The reasons of a stored grade as the history keeps them, a JSON array with one element per reason: the code alone,
/// <c>"code"</c>, where words and points are the version's own (<see cref="ReasonTexts.PointsOf"/>: a deduction of its
/// rule's points, a gate); <c>[code, points]</c> where only the words are (a bonus total, a cap); and
/// <c>[code, points, description]</c> for a reason worded otherwise. Words and points are taken from the grade's rule
/// version when read (<see cref="ReasonTexts"/>). A full re-evaluation writes a million reason lists: without the
/// words they are 191 bytes a grade instead of 460, a quarter less write-ahead log and 15 % less CPU, and without the
/// version's points another quarter less (bench/Reevaluation). Chinese is stored as it is, not escaped as \uXXXX.
/// </summary>
public sealed record StoredReasons(string Json)
{
    /// <summary>The words of a pair whose code the version does not know (it cannot happen while versions are kept).</summary>
    public const string MissingWords = "该项评价依据的说明暂缺";

    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>No reasons.</summary>
    public static StoredReasons None { get; } = new("[]");

    /// <summary>One reason in the version's words and with its points, inside the array.</summary>
    public static void WriteReason(Utf8JsonWriter json, string code) => json.WriteStringValue(code);

    /// <summary>One reason in the version's words, inside the array.</summary>
    public static void WriteReason(Utf8JsonWriter json, string code, int points)
    {
        json.WriteStartArray();
        json.WriteStringValue(code);
        json.WriteNumberValue(points);
        json.WriteEndArray();
    }

    /// <summary>One reason in its own words, inside the array.</summary>
    public static void WriteReason(Utf8JsonWriter json, string code, int points, string description)
    {
        json.WriteStartArray();
        json.WriteStringValue(code);
        json.WriteNumberValue(points);
        json.WriteStringValue(description);
        json.WriteEndArray();
    }

    /// <summary>The reasons as stored: words and points only where they are not <paramref name="texts"/>' own.</summary>
    public static StoredReasons From(IEnumerable<GradeReason> reasons, ReasonTexts texts)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartArray();
            foreach (var reason in reasons)
            {
                if (!string.Equals(texts.Of(reason.Code), reason.Description, StringComparison.Ordinal))
                {
                    WriteReason(json, reason.Code, reason.Points, reason.Description);
                }
                else if (texts.PointsOf(reason.Code) == reason.Points)
                {
                    WriteReason(json, reason.Code);
                }
                else
                {
                    WriteReason(json, reason.Code, reason.Points);
                }
            }

            json.WriteEndArray();
        }

        return new StoredReasons(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>The reasons with their words and points, those left out taken from <paramref name="texts"/> (the grade's rule version).</summary>
    public List<GradeReason> Describe(ReasonTexts texts)
    {
        var reasons = new List<GradeReason>();
        var json = new Utf8JsonReader(Encoding.UTF8.GetBytes(Json));
        Expect(ref json, JsonTokenType.StartArray);
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType == JsonTokenType.String)
            {
                var own = json.GetString()!;
                var ownPoints = texts.PointsOf(own) ?? throw new JsonException($"Stored reason {own} has no points, and its version gives it none.");
                reasons.Add(new GradeReason(own, ownPoints, texts.Of(own) ?? MissingWords));
                continue;
            }

            if (json.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException($"A stored reason is a code or an array, not {json.TokenType}.");
            }

            Expect(ref json, JsonTokenType.String);
            var code = json.GetString()!;
            Expect(ref json, JsonTokenType.Number);
            var points = json.GetInt32();
            if (!json.Read())
            {
                throw new JsonException("Stored reasons end inside a reason.");
            }

            string description;
            if (json.TokenType == JsonTokenType.String)
            {
                description = json.GetString()!;
                Expect(ref json, JsonTokenType.EndArray);
            }
            else if (json.TokenType == JsonTokenType.EndArray)
            {
                description = texts.Of(code) ?? MissingWords;
            }
            else
            {
                throw new JsonException($"Stored reasons: expected the words or the end of a reason, found {json.TokenType}.");
            }

            reasons.Add(new GradeReason(code, points, description));
        }

        return reasons;
    }

    private static void Expect(ref Utf8JsonReader json, JsonTokenType type)
    {
        if (!json.Read() || json.TokenType != type)
        {
            throw new JsonException($"Stored reasons: expected {type}, found {json.TokenType}.");
        }
    }
}
