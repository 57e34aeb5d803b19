using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.RuleSets;

/// <summary>
/// The rule-set version in force, read from the database and kept in memory until an activation replaces it
/// (<see cref="Invalidate"/>), so grading an event does not read the rules each time.
/// </summary>
internal sealed class ActiveRuleSet(IServiceScopeFactory scopes)
{
    private volatile RuleSet? _current;

    public async Task<RuleSet> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } cached)
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GradingDbContext>();
        var active = await db.RuleSets.AsNoTracking().SingleOrDefaultAsync(r => r.Status == RuleSetStatus.Active, cancellationToken);
        return _current = active?.ToRuleSet() ?? DefaultRuleSet.Instance;
    }

    public void Invalidate() => _current = null;
}
