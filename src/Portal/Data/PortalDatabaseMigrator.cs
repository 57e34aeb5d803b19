using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Portal.Data;

/// <summary>Applies pending migrations at start-up, inside the execution strategy, before the server takes requests.</summary>
internal sealed class PortalDatabaseMigrator(IServiceScopeFactory scopes) : IHostedService
{
    private static readonly ActivitySource _activitySource = new(ServiceDefaults.Extensions.ActivitySourceName);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = _activitySource.StartActivity($"migrate {nameof(PortalDbContext)}");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
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
