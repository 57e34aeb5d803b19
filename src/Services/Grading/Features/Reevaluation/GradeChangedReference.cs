using System.Buffers;
using System.Text;
using System.Text.Json;
using CreditPower.Contracts;
using CreditPower.Grading.Data;
using CreditPower.Grading.Features.Grades;
using CreditPower.Grading.Features.RuleSets;
using CreditPower.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Reevaluation;

/// <summary>
/// The bulk path's claim check for <see cref="CreditGradeChanged"/> (docs/adr/0006). One outbox row stands for a chunk
/// of a range's grade rows, which <see cref="RisingGuids"/> numbers consecutively: the first one's id, and a character
/// per grade saying whether its colour changed and from which (<see cref="WriteChunk"/>). The relay builds each change's
/// message from the grade history (append-only, so the grade is as written) and the subject's identity and accounts as
/// they are when it publishes, under the grade's id as message id, so a chunk published again is dropped by inboxes.
/// A row of the earlier shape, one change each (<c>subjectId</c>, <c>gradeId</c>, <c>oldColour</c>), is still read,
/// under the row's id.
/// </summary>
internal sealed class GradeChangedReference(RuleSetVersions versions) : IOutboxReferenceResolver
{
    /// <summary>The outbox <c>message_type</c> of a claim-check row (not a CLR type: nothing deserialises it).</summary>
    public const string MessageType = "CreditPower.Grading.GradeChangedReference";

    /// <summary>Grade rows a chunk covers at most: about as many messages as one relay batch publishes.</summary>
    public const int ChunkSize = 256;

    /// <summary>The character of a grade whose colour did not change: no message.</summary>
    public const char Unchanged = '-';

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public string ReferenceType => MessageType;

    /// <summary>
    /// The body of a chunk: <c>firstGradeId</c>, and <c>oldColours</c> with one character per grade row from that one
    /// on: <see cref="Unchanged"/>, <c>0</c> for no colour before (a first grade), or the <see cref="CreditColour"/>
    /// value of the colour before.
    /// </summary>
    public static void WriteChunk(Utf8JsonWriter json, Guid firstGradeId, ReadOnlySpan<char> oldColours)
    {
        json.WriteStartObject();
        json.WriteString("firstGradeId", firstGradeId);
        json.WriteString("oldColours", oldColours);
        json.WriteEndObject();
    }

    /// <summary>The character <see cref="WriteChunk"/> writes for a grade that changed from <paramref name="oldColour"/>.</summary>
    public static char Changed(CreditColour? oldColour) => (char)('0' + (int)(oldColour ?? 0));

    public int MessageCount(OutboxMessage row) => Parse(row) switch
    {
        null => 0,
        { GradeId: not null } => 1,
        { OldColours: { } oldColours } => oldColours.Count(c => c != Unchanged),
        _ => 0,
    };

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<OutboxEnvelope>>> ResolveAsync(
        DbContext db, IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        var grading = (GradingDbContext)db;
        var changes = rows.Select(row => (Row: row, Changes: Read(row))).ToList();
        var gradeIds = changes.SelectMany(c => c.Changes).Select(c => c.GradeId).ToList();
        var grades = await grading.Grades.AsNoTracking().Where(g => gradeIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, cancellationToken);
        var subjectIds = grades.Values.Select(g => g.SubjectId).Distinct().ToList();
        var subjects = await grading.Subjects.AsNoTracking().Include(s => s.Accounts)
            .Where(s => subjectIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, cancellationToken);

        var messages = new Dictionary<Guid, IReadOnlyList<OutboxEnvelope>>(rows.Count);
        foreach (var (row, rowChanges) in changes)
        {
            // A change whose grade or subject is not there is left out: the relay holds the row with the rest of it.
            var envelopes = new List<OutboxEnvelope>(rowChanges.Count);
            foreach (var change in rowChanges)
            {
                if (grades.TryGetValue(change.GradeId, out var grade) && subjects.TryGetValue(grade.SubjectId, out var subject))
                {
                    var reasons = await versions.DescribeAsync(grading, grade, cancellationToken);
                    envelopes.Add(new OutboxEnvelope(change.MessageId ?? grade.Id, grade.SubjectId, GradeChangedMessage.For(subject, grade, reasons, change.OldColour)));
                }
            }

            if (envelopes.Count > 0)
            {
                messages[row.Id] = envelopes;
            }
        }

        return messages;
    }

    public string? Remaining(OutboxMessage row, IReadOnlySet<Guid> published)
    {
        if (Parse(row) is not { GradeId: null, OldColours: { } oldColours } body)
        {
            return null;
        }

        var rest = oldColours.ToCharArray();
        for (var k = 0; k < rest.Length; k++)
        {
            if (rest[k] != Unchanged && published.Contains(RisingGuids.After(body.FirstGradeId, k)))
            {
                rest[k] = Unchanged;
            }
        }

        var buffer = new ArrayBufferWriter<byte>(64 + rest.Length);
        using (var json = new Utf8JsonWriter(buffer))
        {
            WriteChunk(json, body.FirstGradeId, rest);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // The changes a row stands for: a chunk's, each under its grade's id, or the one of a row of the earlier shape; none
    // when the body cannot be read (the relay then holds the row).
    private static List<Change> Read(OutboxMessage row)
    {
        if (Parse(row) is not { } body)
        {
            return [];
        }

        if (body.GradeId is { } gradeId)
        {
            return [new Change(gradeId, row.Id, body.OldColour)];
        }

        var oldColours = body.OldColours ?? "";
        var changes = new List<Change>(oldColours.Length);
        for (var k = 0; k < oldColours.Length; k++)
        {
            if (oldColours[k] != Unchanged)
            {
                var old = oldColours[k] - '0';
                changes.Add(new Change(RisingGuids.After(body.FirstGradeId, k), null, old == 0 ? null : (CreditColour)old));
            }
        }

        return changes;
    }

    private static Body? Parse(OutboxMessage row)
    {
        try
        {
            return JsonSerializer.Deserialize<Body>(row.Body, _json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Body(Guid FirstGradeId, string? OldColours, Guid? GradeId, CreditColour? OldColour);

    private sealed record Change(Guid GradeId, Guid? MessageId, CreditColour? OldColour);
}
