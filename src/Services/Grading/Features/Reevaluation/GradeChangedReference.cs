using System.Text.Json;
using CreditPower.Contracts;
using CreditPower.Grading.Data;
using CreditPower.Grading.Features.Grades;
using CreditPower.Grading.Features.RuleSets;
using CreditPower.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Reevaluation;

/// <summary>
/// The bulk path's claim check for <see cref="CreditGradeChanged"/> (docs/adr/0006): its outbox row holds the subject,
/// the grade row and the colour before — about a hundred bytes instead of the whole message with its identity and
/// reasons. The relay builds the message from the grade history (append-only, so the grade is as written) and the
/// subject's identity and accounts as they are when it publishes.
/// </summary>
internal sealed class GradeChangedReference(RuleSetVersions versions) : IOutboxReferenceResolver
{
    /// <summary>The outbox <c>message_type</c> of a claim-check row (not a CLR type: nothing deserialises it).</summary>
    public const string MessageType = "CreditPower.Grading.GradeChangedReference";

    private static readonly JsonEncodedText _subjectId = JsonEncodedText.Encode("subjectId");
    private static readonly JsonEncodedText _gradeId = JsonEncodedText.Encode("gradeId");
    private static readonly JsonEncodedText _oldColour = JsonEncodedText.Encode("oldColour");
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public string ReferenceType => MessageType;

    /// <summary>The row's body: <c>subjectId</c> (which the relay partitions by), <c>gradeId</c>, <c>oldColour</c>.</summary>
    public static void Write(Utf8JsonWriter json, Guid subjectId, Guid gradeId, CreditColour? oldColour)
    {
        json.WriteStartObject();
        json.WriteString(_subjectId, subjectId);
        json.WriteString(_gradeId, gradeId);
        if (oldColour is { } old)
        {
            json.WriteNumber(_oldColour, (int)old);
        }
        else
        {
            json.WriteNull(_oldColour);
        }

        json.WriteEndObject();
    }

    public async Task<IReadOnlyDictionary<Guid, object>> ResolveAsync(DbContext db, IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        var grading = (GradingDbContext)db;
        var references = rows.Select(row => (Row: row.Id, Reference: JsonSerializer.Deserialize<Reference>(row.Body, _json)!)).ToList();
        var gradeIds = references.Select(r => r.Reference.GradeId).ToList();
        var grades = await grading.Grades.AsNoTracking().Where(g => gradeIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, cancellationToken);
        var subjectIds = grades.Values.Select(g => g.SubjectId).Distinct().ToList();
        var subjects = await grading.Subjects.AsNoTracking().Include(s => s.Accounts)
            .Where(s => subjectIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, cancellationToken);

        var messages = new Dictionary<Guid, object>(references.Count);
        foreach (var (row, reference) in references)
        {
            if (grades.TryGetValue(reference.GradeId, out var grade) && subjects.TryGetValue(grade.SubjectId, out var subject))
            {
                var reasons = await versions.DescribeAsync(grading, grade, cancellationToken);
                messages[row] = GradeChangedMessage.For(subject, grade, reasons, reference.OldColour);
            }
        }

        return messages;
    }

    private sealed record Reference(Guid SubjectId, Guid GradeId, CreditColour? OldColour);
}
