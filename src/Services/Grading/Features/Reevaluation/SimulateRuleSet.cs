using CreditPower.Contracts;
using CreditPower.Grading.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreditPower.Grading.Features.Reevaluation;

public sealed record ColourMigration(CreditColour From, CreditColour To, long Count);

public sealed record SimulationResponse(string Version, long Total, IReadOnlyList<ColourMigration> Matrix, long Changed);

internal static class SimulateRuleSet
{
    /// <summary>
    /// What activating <paramref name="version"/> now would do (DOMAIN.md §4 simulation): every subject scored by the bulk
    /// path under the activation's movement rule, counted from × to; read-only transactions, nothing is written.
    /// </summary>
    public static async Task<Results<Ok<SimulationResponse>, NotFound>> Handle(
        string version,
        GradingDbContext db,
        ReevaluationDataSource database,
        IOptions<ReevaluationOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var stored = await db.RuleSets.AsNoTracking().SingleOrDefaultAsync(r => r.Version == version, cancellationToken);
        if (stored is null)
        {
            return TypedResults.NotFound();
        }

        var outcome = await SimulateAsync(database, stored.ToRuleSet(), clock.GetUtcNow(), options.Value, cancellationToken);
        var matrix = new List<ColourMigration>();
        foreach (var from in Enum.GetValues<CreditColour>())
        {
            foreach (var to in Enum.GetValues<CreditColour>())
            {
                matrix.Add(new ColourMigration(from, to, outcome.Matrix[(int)from, (int)to]));
            }
        }

        return TypedResults.Ok(new SimulationResponse(version, outcome.Evaluated, matrix, outcome.Changed));
    }

    internal static async Task<PartitionOutcome> SimulateAsync(
        ReevaluationDataSource database, Domain.RuleSet rules, DateTimeOffset asOf, ReevaluationOptions options,
        CancellationToken cancellationToken)
    {
        var total = new PartitionOutcome();
        Queue<SubjectRange> ranges;

        // A transaction only for the cut's local settings; it writes nothing.
        await using (var connection = await database.DataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            ranges = new Queue<SubjectRange>((await SubjectRange.CutAsync(connection, transaction, Math.Clamp(options.Partitions, 1, 4096), cancellationToken)).Ranges);
        }

        var workers = Enumerable.Range(0, Math.Max(1, options.Parallelism)).Select(_ => Task.Run(async () =>
        {
            var mine = new PartitionOutcome();
            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
            while (true)
            {
                SubjectRange range;
                lock (ranges)
                {
                    if (!ranges.TryDequeue(out range))
                    {
                        return mine;
                    }
                }

                mine.Add(await ReevaluationEngine.SimulateAsync(connection, rules, range, asOf, cancellationToken));
            }
        }, cancellationToken));
        foreach (var outcome in await Task.WhenAll(workers))
        {
            total.Add(outcome);
        }

        return total;
    }
}
