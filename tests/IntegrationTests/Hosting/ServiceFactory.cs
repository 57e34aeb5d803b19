using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreditPower.IntegrationTests.Hosting;

/// <summary>One service hosted in-process: what the tests need of it, whatever its database.</summary>
public interface IServiceHost
{
    string Name { get; }

    IServiceProvider Services { get; }

    HttpClient CreateClient();

    /// <summary>Runs <paramref name="query"/> against the service's own database in a fresh scope.</summary>
    Task<T> QueryAsync<T>(Func<DbContext, Task<T>> query);
}

/// <summary>
/// A service with its own throw-away database and the run's broker and Redis; every message its consumers finish is
/// recorded. Each service has a global <c>Program</c>, so the service's public DbContext stands in as the entry-point
/// marker: the factory finds the entry point in its assembly.
/// </summary>
public sealed class ServiceFactory<TContext>(
    string name, IReadOnlyDictionary<string, string> settings, ConsumedMessages consumed, Action<IServiceCollection>? configureServices = null)
    : KestrelAppFactory<TContext>(settings), IServiceHost where TContext : DbContext
{
    public string Name { get; } = name;

    public async Task<T> QueryAsync<T>(Func<DbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddConsumeObserver(_ => new ConsumeRecorder(Name, consumed));
        configureServices?.Invoke(services);
    }
}
