using CreditPower.Grading.Domain;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Data;

/// <summary>Seeds <c>2021-huaiyin-default</c> as the active rule set of a new database.</summary>
internal sealed class RuleSetSeeder(IServiceScopeFactory scopes, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GradingDbContext>();
        if (await db.RuleSets.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        db.RuleSets.Add(new RuleSetVersion
        {
            Version = DefaultRuleSet.Version,
            Title = "淮阴区电力领域信用评价默认规则（2021）",
            Status = RuleSetStatus.Active,
            Definition = RuleSetDefinition.From(DefaultRuleSet.Instance),
            DraftedBy = "system",
            DraftedAt = now,
            ApprovedBy = "system",
            ApprovedAt = now,
            ActivateAt = now,
            ActivatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another replica seeded it first.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
