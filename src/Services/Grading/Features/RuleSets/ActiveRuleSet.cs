using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.ServiceDefaults.Caching;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.RuleSets;

/// <summary>
/// The rule-set version in force, kept in memory (<see cref="RefreshedCopy{T}"/>) so grading an event does not read the
/// rules each time: an activation here replaces it at once (<see cref="Invalidate"/>), one on another replica within
/// <see cref="RefreshedCopy{T}.RefreshAfter"/>.
/// </summary>
internal sealed class ActiveRuleSet(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly RefreshedCopy<RuleSet> _copy = new(clock);

    public Task<RuleSet> GetAsync(CancellationToken cancellationToken) => _copy.GetAsync(async ct =>
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GradingDbContext>();
        var active = await db.RuleSets.AsNoTracking().SingleOrDefaultAsync(r => r.Status == RuleSetStatus.Active, ct);
        return active?.ToRuleSet() ?? DefaultRuleSet.Instance;
    }, cancellationToken);

    public void Invalidate() => _copy.Invalidate();
}
