using CreditPower.Grading.Data;
using CreditPower.IntegrationTests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace CreditPower.IntegrationTests.Grading.Reevaluation;

/// <summary>
/// The migration that gave grades their run's id in a column of its own: grades that runs wrote before it keep their
/// run, those of single subjects keep their cause, and both directions keep every grade's reasons.
/// </summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class GradeHistoryMigrationTests(ServicesFixture services)
{
    private const string Before = "20261128150712_BalancedReevaluationRanges";

    [Fact]
    public async Task Grades_written_by_runs_before_it_move_their_run_id_out_of_the_cause_and_back_when_reverted()
    {
        var name = $"grading_migration_{Guid.NewGuid():N}";
        await services.Servers.CreateDatabaseAsync(name, Api.Cancellation);
        var connectionString = services.Servers.CreateDatabaseConnectionString(name);
        await using var db = new GradingDbContext(new DbContextOptionsBuilder<GradingDbContext>().UseNpgsql(connectionString).Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Before, Api.Cancellation);
        var (monthly, activation) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        const string reasons = """[["late-payment-1-15",-2],["gate:history",0]]""";
        string[] causes = [$"monthly re-evaluation {monthly}", $"rule set activated, run {activation}", "registered by clerk01"];
        await using (var insert = new NpgsqlConnection(connectionString))
        {
            await insert.OpenAsync(Api.Cancellation);
            foreach (var cause in causes)
            {
                await using var command = new NpgsqlCommand(
                    """
                    INSERT INTO grades ("Id", "SubjectId", "Colour", "Score", "RuleVersion", "Reasons", "EffectiveAt", "Cause")
                    VALUES (gen_random_uuid(), gen_random_uuid(), 'Blue', 88, '2021-huaiyin-default', @reasons::json, now(), @cause)
                    """, insert);
                command.Parameters.AddWithValue("reasons", reasons);
                command.Parameters.AddWithValue("cause", cause);
                await command.ExecuteNonQueryAsync(Api.Cancellation);
            }
        }

        await migrator.MigrateAsync(cancellationToken: Api.Cancellation);

        var migrated = await db.Grades.AsNoTracking().OrderBy(g => g.Cause).Select(g => new { g.Cause, g.RunId, g.Reasons }).ToListAsync(Api.Cancellation);
        Assert.Equal(
            [("monthly re-evaluation", (Guid?)monthly), ("registered by clerk01", null), ("rule set activated", activation)],
            migrated.Select(g => (g.Cause, g.RunId)));
        Assert.All(migrated, g => Assert.Equal(reasons, g.Reasons.Json));

        await migrator.MigrateAsync(Before, Api.Cancellation);

        await using var read = new NpgsqlConnection(connectionString);
        await read.OpenAsync(Api.Cancellation);
        await using var select = new NpgsqlCommand("""SELECT "Cause", "Reasons"::text, pg_typeof("Reasons")::text FROM grades ORDER BY "Cause" """, read);
        await using var reader = await select.ExecuteReaderAsync(Api.Cancellation);
        var reverted = new List<(string, string, string)>();
        while (await reader.ReadAsync(Api.Cancellation))
        {
            reverted.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        Assert.Equal(causes.Order(StringComparer.Ordinal), reverted.Select(r => r.Item1));
        Assert.All(reverted, r => Assert.Equal((reasons, "json"), (r.Item2, r.Item3)));
    }
}
