using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CreditPower.Contracts;

namespace CreditPower.Grading.Data;

/// <summary>
/// The reasons of a stored grade as the history keeps them: an array of <c>[code, points, description]</c> triples.
/// Without the property names every reason repeats, a full re-evaluation writes a million reason lists at a little over
/// half the bytes (bench/Reevaluation). Chinese is stored as it is, not escaped as \uXXXX.
/// </summary>
internal static class StoredReasons
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One reason, inside the array.</summary>
    public static void WriteReason(Utf8JsonWriter json, string code, int points, string description)
    {
        json.WriteStartArray();
        json.WriteStringValue(code);
        json.WriteNumberValue(points);
        json.WriteStringValue(description);
        json.WriteEndArray();
    }

    public static string Serialize(IReadOnlyList<GradeReason> reasons)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartArray();
            foreach (var reason in reasons)
            {
                WriteReason(json, reason.Code, reason.Points, reason.Description);
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static List<GradeReason> Parse(string stored)
    {
        var reasons = new List<GradeReason>();
        var json = new Utf8JsonReader(Encoding.UTF8.GetBytes(stored));
        Expect(ref json, JsonTokenType.StartArray);
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            reasons.Add(ReadTriple(ref json));
        }

        return reasons;
    }

    private static GradeReason ReadTriple(ref Utf8JsonReader json)
    {
        if (json.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"A stored reason is an array, not {json.TokenType}.");
        }

        Expect(ref json, JsonTokenType.String);
        var code = json.GetString()!;
        Expect(ref json, JsonTokenType.Number);
        var points = json.GetInt32();
        Expect(ref json, JsonTokenType.String);
        var description = json.GetString()!;
        Expect(ref json, JsonTokenType.EndArray);
        return new GradeReason(code, points, description);
    }

    private static void Expect(ref Utf8JsonReader json, JsonTokenType type)
    {
        if (!json.Read() || json.TokenType != type)
        {
            throw new JsonException($"Stored reasons: expected {type}, found {json.TokenType}.");
        }
    }
}
