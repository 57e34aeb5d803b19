using System.Globalization;
using CreditPower.TestSupport;
using Npgsql;
using NpgsqlTypes;

namespace CreditPower.Bench.Pipeline;

/// <summary>
/// Subjects one billing fact away from a colour change, by binary COPY into the tables as the services' migrations
/// made them. Grading: blue subjects at 76 whose score the ledger backs — three in-force late payments over 30 days
/// (−8 each, Data/CreditEventConfiguration.cs), so the grader, which recomputes from the events in force, lands on
/// 66 (yellow) when the fact's arrears (−10) arrive — and one power account each. Notifications: the contact read
/// model with a mobile (what SubjectProfileChanged leaves, Data/SubjectContactConfiguration.cs). Subject i has
/// account <see cref="Account"/>(i) and mobile <see cref="Mobile"/>(i), so an SMS names the fact it answers.
/// </summary>
internal static class FullPathSeeder
{
    private const int LatePayments = 3;
    private const int LatePaymentPoints = -8;

    public static string Account(int index) => string.Create(CultureInfo.InvariantCulture, $"39{index:D10}");

    public static string Mobile(int index) => string.Create(CultureInfo.InvariantCulture, $"139{index:D8}");

    /// <summary>The subject index a bench mobile encodes, or -1.</summary>
    public static int IndexOf(string mobile) =>
        mobile.Length == 11 && mobile.StartsWith("139", StringComparison.Ordinal)
            && int.TryParse(mobile.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;

    public static async Task SeedAsync(string gradingDb, string notificationsDb, int count, CancellationToken cancellationToken)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();
        var now = DateTimeOffset.UtcNow;
        await using (var grading = new NpgsqlConnection(gradingDb))
        {
            await grading.OpenAsync(cancellationToken);
            // The rule version the service seeded on start, so the rows look like its own.
            await using var version = new NpgsqlCommand("""SELECT "Version" FROM rule_sets WHERE "Status" = 'Active'""", grading);
            var ruleVersion = (string?)await version.ExecuteScalarAsync(cancellationToken)
                ?? throw new InvalidOperationException("Grading has no active rule set.");
            await using var transaction = await grading.BeginTransactionAsync(cancellationToken);
            await CopySubjectsAsync(grading, ids, ruleVersion, now, cancellationToken);
            await CopyEventsAsync(grading, ids, ruleVersion, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await using var analyze = new NpgsqlCommand("ANALYZE subjects; ANALYZE power_accounts; ANALYZE credit_events", grading);
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var notifications = new NpgsqlConnection(notificationsDb);
        await notifications.OpenAsync(cancellationToken);
        await using (var contacts = await notifications.BeginBinaryImportAsync(
            """COPY subject_contacts ("SubjectId", "Name", "Mobile", "Accounts", "ChangedAt") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            for (var i = 0; i < count; i++)
            {
                await contacts.StartRowAsync(cancellationToken);
                await contacts.WriteAsync(ids[i], NpgsqlDbType.Uuid, cancellationToken);
                await contacts.WriteAsync(Name(i), NpgsqlDbType.Varchar, cancellationToken);
                await contacts.WriteAsync(Mobile(i), NpgsqlDbType.Varchar, cancellationToken);
                await contacts.WriteAsync($"[\"{Account(i)}\"]", NpgsqlDbType.Jsonb, cancellationToken);
                await contacts.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await contacts.CompleteAsync(cancellationToken);
        }

        await using var analyzeContacts = new NpgsqlCommand("ANALYZE subject_contacts", notifications);
        await analyzeContacts.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task CopySubjectsAsync(NpgsqlConnection connection, Guid[] ids, string ruleVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var subjects = await connection.BeginBinaryImportAsync(
            """COPY subjects ("Id", "Kind", "Identifier", "Name", "CreatedAt", "Colour", "Score", "RuleVersion", "GradedAt") FROM STDIN (FORMAT BINARY)""",
            cancellationToken))
        {
            for (var i = 0; i < ids.Length; i++)
            {
                await subjects.StartRowAsync(cancellationToken);
                await subjects.WriteAsync(ids[i], NpgsqlDbType.Uuid, cancellationToken);
                await subjects.WriteAsync("LegalEntity", NpgsqlDbType.Varchar, cancellationToken);
                await subjects.WriteAsync(TestIdentifiers.NewUscc(), NpgsqlDbType.Varchar, cancellationToken);
                await subjects.WriteAsync(Name(i), NpgsqlDbType.Varchar, cancellationToken);
                await subjects.WriteAsync(now.AddYears(-3), NpgsqlDbType.TimestampTz, cancellationToken);
                await subjects.WriteAsync("Blue", NpgsqlDbType.Varchar, cancellationToken);
                await subjects.WriteAsync(100 + LatePayments * LatePaymentPoints, NpgsqlDbType.Integer, cancellationToken);
                await subjects.WriteAsync(ruleVersion, NpgsqlDbType.Varchar, cancellationToken);
                await subjects.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await subjects.CompleteAsync(cancellationToken);
        }

        await using var accounts = await connection.BeginBinaryImportAsync(
            """COPY power_accounts ("Id", "SubjectId", "Number") FROM STDIN (FORMAT BINARY)""", cancellationToken);
        for (var i = 0; i < ids.Length; i++)
        {
            await accounts.StartRowAsync(cancellationToken);
            await accounts.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, cancellationToken);
            await accounts.WriteAsync(ids[i], NpgsqlDbType.Uuid, cancellationToken);
            await accounts.WriteAsync(Account(i), NpgsqlDbType.Varchar, cancellationToken);
        }

        await accounts.CompleteAsync(cancellationToken);
    }

    private static async Task CopyEventsAsync(NpgsqlConnection connection, Guid[] ids, string ruleVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var events = await connection.BeginBinaryImportAsync(
            """
            COPY credit_events ("Id", "SubjectId", "EventType", "Points", "OccurredAt", "RecordedAt", "ExpiresAt", "Source", "ExternalId",
                "AccountNumber", "RuleVersion", "Evidence", "RecordedBy", "Status", "ApprovedAt") FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        for (var i = 0; i < ids.Length; i++)
        {
            for (var k = 0; k < LatePayments; k++)
            {
                // One, two and three months ago: in force for 12 months each, so for the whole run.
                var occurredAt = now.AddMonths(-(k + 1));
                await events.StartRowAsync(cancellationToken);
                await events.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, cancellationToken);
                await events.WriteAsync(ids[i], NpgsqlDbType.Uuid, cancellationToken);
                await events.WriteAsync("late-payment-over-30", NpgsqlDbType.Varchar, cancellationToken);
                await events.WriteAsync(LatePaymentPoints, NpgsqlDbType.Integer, cancellationToken);
                await events.WriteAsync(occurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await events.WriteAsync(occurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await events.WriteAsync(occurredAt.AddMonths(12), NpgsqlDbType.TimestampTz, cancellationToken);
                await events.WriteAsync("bench-seed", NpgsqlDbType.Varchar, cancellationToken);
                await events.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"seed-{i}-{k}"), NpgsqlDbType.Varchar, cancellationToken);
                await events.WriteAsync(Account(i), NpgsqlDbType.Varchar, cancellationToken);
                await events.WriteAsync(ruleVersion, NpgsqlDbType.Varchar, cancellationToken);
                await events.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"账单 SEED-{i:D7}-{k}"), NpgsqlDbType.Varchar, cancellationToken);
                await events.WriteAsync("billing-feed", NpgsqlDbType.Varchar, cancellationToken);
                await events.WriteAsync("InForce", NpgsqlDbType.Varchar, cancellationToken);
                await events.WriteAsync(occurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
            }
        }

        await events.CompleteAsync(cancellationToken);
    }

    private static string Name(int i) => string.Create(CultureInfo.InvariantCulture, $"基准测试电力用户有限公司{i:D7}");
}
