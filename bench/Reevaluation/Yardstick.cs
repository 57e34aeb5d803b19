using System.Diagnostics;
using CreditPower.Grading.Domain;
using Npgsql;
using NpgsqlTypes;

namespace CreditPower.Bench.Reevaluation;

/// <summary>
/// The floor the issue measures against: binary COPY out of the same event rows with an in-memory sum of points per
/// subject, then binary COPY in of one grade row per subject into a fresh table.
/// </summary>
internal static class Yardstick
{
    public static async Task<(TimeSpan Elapsed, long Events, int Grades)> MeasureAsync(NpgsqlDataSource database)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using (var fresh = new NpgsqlCommand(
            "DROP TABLE IF EXISTS yardstick_grades; CREATE TABLE yardstick_grades (subject_id uuid NOT NULL, score int NOT NULL, colour text NOT NULL, effective_at timestamptz NOT NULL)",
            connection))
        {
            await fresh.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        var sums = new Dictionary<Guid, int>(1 << 20);
        long events = 0;
        using (var reader = connection.BeginBinaryExport(
            $"""COPY (SELECT "SubjectId", "Points" FROM credit_events WHERE "Status" = '{nameof(CreditEventStatus.InForce)}') TO STDOUT (FORMAT BINARY)"""))
        {
            while (reader.StartRow() != -1)
            {
                var subject = reader.Read<Guid>(NpgsqlDbType.Uuid);
                var points = reader.Read<int>(NpgsqlDbType.Integer);
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(sums, subject, out _) += points;
                events++;
            }
        }

        var now = DateTime.UtcNow;
        using (var writer = connection.BeginBinaryImport("COPY yardstick_grades (subject_id, score, colour, effective_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (subject, points) in sums)
            {
                var score = Math.Clamp(100 + points, 0, 100);
                writer.StartRow();
                writer.Write(subject, NpgsqlDbType.Uuid);
                writer.Write(score, NpgsqlDbType.Integer);
                writer.Write(score >= 90 ? "Green" : score >= 75 ? "Blue" : score >= 60 ? "Yellow" : score >= 40 ? "Red" : "Black", NpgsqlDbType.Text);
                writer.Write(now, NpgsqlDbType.TimestampTz);
            }

            writer.Complete();
        }

        return (clock.Elapsed, events, sums.Count);
    }
}
