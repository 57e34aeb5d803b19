using System.Threading.Channels;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.Reevaluation;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.RuleSets;

/// <summary>
/// Puts approved versions whose activation time has come into force: the new version becomes Active and the
/// previous one Superseded in one transaction (the partial unique index allows one Active), the cached rules
/// are dropped, and a full re-evaluation under the new version is started.
/// </summary>
internal sealed partial class RuleSetActivator(
    IServiceScopeFactory scopes, ActiveRuleSet activeRules, TimeProvider clock, ILogger<RuleSetActivator> logger)
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Tells the background loop that a new activation time was set, so it does not sleep past it.</summary>
    public void Wake()
    {
        _wake.Writer.TryWrite(true);
    }

    /// <summary>Waits for <see cref="Wake"/> or <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitForWakeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await _wake.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: time to look again.
        }
    }

    /// <summary>Activates every due version, oldest activation time first; returns the versions this call activated.</summary>
    public async Task<IReadOnlyList<string>> ActivateDueAsync(string activatedBy, CancellationToken cancellationToken)
    {
        var activated = new List<string>();
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GradingDbContext>();
            var now = clock.GetUtcNow();
            var due = await db.RuleSets.AsNoTracking()
                .Where(v => v.Status == RuleSetStatus.Approved && v.ActivateAt != null && v.ActivateAt <= now)
                .OrderBy(v => v.ActivateAt)
                .Select(v => v.Version)
                .FirstOrDefaultAsync(cancellationToken);
            if (due is null)
            {
                return activated;
            }

            if (await TryActivateAsync(db, due, now, cancellationToken))
            {
                activated.Add(due);
                activeRules.Invalidate();
                LogActivated(logger, due, activatedBy);
                await StartReevaluationAsync(scope.ServiceProvider, due, activatedBy, cancellationToken);
            }
        }
    }

    /// <summary>When the next approved version is due, if one is scheduled.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GradingDbContext>();
        return await db.RuleSets.AsNoTracking()
            .Where(v => v.Status == RuleSetStatus.Approved && v.ActivateAt != null)
            .MinAsync(v => v.ActivateAt, cancellationToken);
    }

    private static async Task<bool> TryActivateAsync(GradingDbContext db, string version, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.RuleSets
                .Where(v => v.Status == RuleSetStatus.Active)
                .ExecuteUpdateAsync(v => v.SetProperty(x => x.Status, RuleSetStatus.Superseded), cancellationToken);

            // Conditional on still being approved: another replica may have activated it (or a later one) first.
            var activated = await db.RuleSets
                .Where(v => v.Version == version && v.Status == RuleSetStatus.Approved)
                .ExecuteUpdateAsync(v => v
                    .SetProperty(x => x.Status, RuleSetStatus.Active)
                    .SetProperty(x => x.ActivatedAt, now), cancellationToken);
            if (activated == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        });
    }

    // The launcher belongs to the re-evaluation feature and may not be registered yet; the activation stands either
    // way, and the monthly evaluation grades everyone under the new version.
    private async Task StartReevaluationAsync(IServiceProvider services, string version, string activatedBy, CancellationToken cancellationToken)
    {
        if (services.GetService<IReevaluationLauncher>() is not { } launcher)
        {
            LogNoLauncher(logger, version);
            return;
        }

        try
        {
            var run = await launcher.StartAsync(ReevaluationKind.Activation, version, activatedBy, cancellationToken);
            LogReevaluationStarted(logger, version, run);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReevaluationFailed(logger, ex, version);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rule set {Version} activated by {ActivatedBy}.")]
    private static partial void LogActivated(ILogger logger, string version, string activatedBy);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rule set {Version} activated, but no re-evaluation launcher is registered: subjects keep their grades until the next evaluation.")]
    private static partial void LogNoLauncher(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Full re-evaluation {RunId} started under rule set {Version}.")]
    private static partial void LogReevaluationStarted(ILogger logger, string version, Guid runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rule set {Version} activated, but its full re-evaluation could not be started.")]
    private static partial void LogReevaluationFailed(ILogger logger, Exception exception, string version);
}
