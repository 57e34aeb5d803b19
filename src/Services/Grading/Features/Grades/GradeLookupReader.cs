using CreditPower.Contracts;
using Npgsql;

namespace CreditPower.Grading.Features.Grades;

/// <summary>
/// The look-up's database read on a cache miss: one statement on a pool of its own, prepared on each connection after
/// a few uses (Max Auto Prepare), no DbContext. The EF query it replaces set up a context for every request, which
/// cost the service about as much CPU as running the query (bench/Lookup).
/// </summary>
internal sealed class GradeLookupReader(GradeLookupDataSource database)
{
    private const string Columns = """s."Id", s."Kind", s."Identifier", s."Name", s."Colour", s."Score", s."RuleVersion", s."GradedAt" """;

    private const string ByIdentifier = $"""SELECT {Columns} FROM subjects s WHERE s."Identifier" = $1 LIMIT 1""";

    // An account number belongs to one subject (unique index): the join finds at most one row.
    private const string ByAccount =
        $"""SELECT {Columns} FROM power_accounts a JOIN subjects s ON s."Id" = a."SubjectId" WHERE a."Number" = $1 LIMIT 1""";

    /// <summary>The current grade of the subject with that normalised identifier or account number; null when none.</summary>
    public async Task<GradeLookupResponse?> FindAsync(bool byAccount, string value, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(byAccount ? ByAccount : ByIdentifier);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = value });
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new GradeLookupResponse(
            reader.GetGuid(0),
            Enum.Parse<SubjectKind>(reader.GetString(1)),
            reader.GetString(2),
            reader.GetString(3),
            Enum.Parse<CreditColour>(reader.GetString(4)),
            reader.GetInt32(5),
            reader.GetString(6),
            reader.GetFieldValue<DateTimeOffset>(7));
    }
}
