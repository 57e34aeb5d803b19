using System.Globalization;
using Npgsql;

namespace CreditPower.Bench.Pipeline;

/// <summary>
/// PostgreSQL's own account of where its time went, for <c>--pg-stats</c>: the bench's server starts with
/// pg_stat_statements loaded (<see cref="ServerOptions"/>, through eng/infra/pg-run.sh), the counts are reset as a
/// full-path run starts, and its costliest statements, all databases together, are printed after it.
/// </summary>
internal static class StatementStats
{
    public const string ServerOptions = "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all";

    public static async Task ResetAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var reset = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();", connection);
        await reset.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The <paramref name="count"/> statements that took the most time, with their calls per fact.</summary>
    public static async Task<string> TopAsync(string connectionString, int facts, int count, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var top = new NpgsqlCommand(
            """
            SELECT d.datname, s.calls, s.total_exec_time, s.mean_exec_time, left(regexp_replace(s.query, '\s+', ' ', 'g'), 100)
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            ORDER BY s.total_exec_time DESC LIMIT @count
            """, connection);
        top.Parameters.AddWithValue("count", count);
        await using var reader = await top.ExecuteReaderAsync(cancellationToken);
        var lines = new List<string> { $"PostgreSQL's {count} costliest statements over the run (pg_stat_statements; ms in all, calls a fact, ms a call):" };
        while (await reader.ReadAsync(cancellationToken))
        {
            var calls = reader.GetInt64(1);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"      {reader.GetDouble(2),8:F0} {(double)calls / facts,6:F2} {reader.GetDouble(3),7:F3}  {reader.GetString(0).Replace("_full_path_bench", "", StringComparison.Ordinal)}: {reader.GetString(4)}"));
        }

        return string.Join(Environment.NewLine, lines);
    }
}
