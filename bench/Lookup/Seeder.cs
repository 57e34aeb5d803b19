using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace CreditPower.Bench.Lookup;

/// <summary>
/// Puts subjects (one power account each) straight into the Grading tables with binary COPY; the schema is the one
/// the service's migrations made (Data/SubjectConfiguration.cs, PowerAccountConfiguration.cs, Migrations/*Initial).
/// </summary>
internal static class Seeder
{
    private const string UsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Seeds <paramref name="count"/> legal entities and returns their USCCs in insertion order.</summary>
    public static async Task<string[]> SeedAsync(string connectionString, int count, int seed, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // The rule version the service graded its first subject with, so seeded rows look like its own.
        await using var version = new NpgsqlCommand("""SELECT "RuleVersion" FROM subjects LIMIT 1""", connection);
        var ruleVersion = (string?)await version.ExecuteScalarAsync(cancellationToken)
            ?? throw new InvalidOperationException("The subject registered through the API is not in the database.");

        var random = new Random(seed);
        var identifiers = new HashSet<string>(count, StringComparer.Ordinal);
        while (identifiers.Count < count)
        {
            identifiers.Add(NewUscc(random));
        }

        var ordered = identifiers.ToArray();
        var ids = ordered.Select(_ => Guid.CreateVersion7()).ToArray();
        var now = DateTimeOffset.UtcNow;
        (string Colour, int Score)[] grades = [("Green", 92), ("Blue", 80), ("Blue", 75), ("Yellow", 66), ("Red", 50)];

        await using (var subjects = await connection.BeginBinaryImportAsync(
            """COPY subjects ("Id", "Kind", "Identifier", "Name", "CreatedAt", "Colour", "Score", "RuleVersion", "GradedAt") FROM STDIN (FORMAT BINARY)""",
            cancellationToken))
        {
            for (var i = 0; i < ordered.Length; i++)
            {
                var (colour, score) = grades[i % grades.Length];
                await subjects.StartRowAsync(cancellationToken);
                await subjects.WriteAsync(ids[i], NpgsqlDbType.Uuid, cancellationToken);
                await subjects.WriteAsync("LegalEntity", NpgsqlDbType.Varchar, cancellationToken);
                await subjects.WriteAsync(ordered[i], NpgsqlDbType.Varchar, cancellationToken);
                await subjects.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"基准测试电力用户有限公司{i:D7}"), NpgsqlDbType.Varchar, cancellationToken);
                await subjects.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await subjects.WriteAsync(colour, NpgsqlDbType.Varchar, cancellationToken);
                await subjects.WriteAsync(score, NpgsqlDbType.Integer, cancellationToken);
                await subjects.WriteAsync(ruleVersion, NpgsqlDbType.Varchar, cancellationToken);
                await subjects.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await subjects.CompleteAsync(cancellationToken);
        }

        await using (var accounts = await connection.BeginBinaryImportAsync(
            """COPY power_accounts ("Id", "SubjectId", "Number") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            for (var i = 0; i < ordered.Length; i++)
            {
                await accounts.StartRowAsync(cancellationToken);
                await accounts.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, cancellationToken);
                await accounts.WriteAsync(ids[i], NpgsqlDbType.Uuid, cancellationToken);
                // "39…" never meets the "32…" numbers the test helpers make.
                await accounts.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"39{i:D10}"), NpgsqlDbType.Varchar, cancellationToken);
            }

            await accounts.CompleteAsync(cancellationToken);
        }

        await using var analyze = new NpgsqlCommand("ANALYZE subjects; ANALYZE power_accounts", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
        return ordered;
    }

    /// <summary>A unified social credit code with a correct GB 32100 check character.</summary>
    private static string NewUscc(Random random)
    {
        Span<char> code = stackalloc char[18];
        "9132".CopyTo(code);
        for (var i = 4; i < 17; i++)
        {
            code[i] = UsccAlphabet[random.Next(UsccAlphabet.Length)];
        }

        var (sum, weight) = (0, 1);
        for (var i = 0; i < 17; i++)
        {
            sum += UsccAlphabet.IndexOf(code[i], StringComparison.Ordinal) * weight;
            weight = weight * 3 % 31;
        }

        code[17] = UsccAlphabet[(31 - (sum % 31)) % 31];
        return new string(code);
    }
}
