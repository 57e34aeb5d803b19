using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CreditPower.ServiceDefaults.Data;

/// <summary>Applies pending migrations when the service starts, inside the execution strategy and traced.</summary>
internal sealed class DatabaseMigrator<TContext>(IServiceScopeFactory scopes) : IHostedService where TContext : DbContext
{
    private static readonly ActivitySource _activitySource = new(Extensions.ActivitySourceName);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = _activitySource.StartActivity($"migrate {typeof(TContext).Name}");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(db.Database.MigrateAsync, cancellationToken);
        }
        catch (Exception ex)
        {
            activity?.AddException(ex);
            activity?.SetStatus(ActivityStatusCode.Error);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
