using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
/// A service started from its own entry point on a real Kestrel port (so Kestrel's body-size limit applies), with
/// its own throw-away database and the run's broker and Redis. Each service has a global <c>Program</c>, so the
/// service's public DbContext stands in as the entry-point marker: the factory finds the entry point in its assembly.
/// </summary>
public sealed class ServiceFactory<TContext> : WebApplicationFactory<TContext>, IServiceHost where TContext : DbContext
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly ConsumedMessages _consumed;
    private readonly Action<IServiceCollection>? _configureServices;

    public ServiceFactory(string name, IReadOnlyDictionary<string, string> settings, ConsumedMessages consumed,
        Action<IServiceCollection>? configureServices = null)
    {
        Name = name;
        _settings = settings;
        _consumed = consumed;
        _configureServices = configureServices;
        UseKestrel(0);
    }

    public string Name { get; }

    public async Task<T> QueryAsync<T>(Func<DbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // What a deployment runs: no developer exception page, no Development-only defaults.
        builder.UseEnvironment(Environments.Production);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddConsumeObserver(_ => new ConsumeRecorder(Name, _consumed));
            _configureServices?.Invoke(services);
        });
    }
}
