using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.RuleSets;

/// <summary>
/// The rule-set version in force, read from the database and kept in memory until an activation replaces it
/// (<see cref="Invalidate"/>), so grading an event does not read the rules each time. The copy is also re-read
/// after <see cref="RefreshAfter"/>, so a replica that did not run the activation itself follows within seconds.
/// </summary>
internal sealed class ActiveRuleSet(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(30);

    private volatile Cached? _current;
    private int _generation;

    public async Task<RuleSet> GetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_current is { } cached && now - cached.LoadedAt < RefreshAfter)
        {
            return cached.Rules;
        }

        // A read that began before an activation and ends after its Invalidate must not put the old rules back.
        var generation = Volatile.Read(ref _generation);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GradingDbContext>();
        var active = await db.RuleSets.AsNoTracking().SingleOrDefaultAsync(r => r.Status == RuleSetStatus.Active, cancellationToken);
        var rules = active?.ToRuleSet() ?? DefaultRuleSet.Instance;
        if (Volatile.Read(ref _generation) == generation)
        {
            _current = new Cached(rules, now);
        }

        return rules;
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _current = null;
    }

    private sealed record Cached(RuleSet Rules, DateTimeOffset LoadedAt);
}
