using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CreditPower.IntegrationTests.Hosting;

/// <summary>
/// An app started from its own entry point on a real Kestrel port (so Kestrel's limits apply and others can call it
/// over HTTP), configured as deployed — Production, no developer exception page — with the run's settings, and the
/// services a test host swaps in. The services and the gateway simulator are all started this way.
/// </summary>
public abstract class KestrelAppFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    protected KestrelAppFactory(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
        UseKestrel(0);
    }

    /// <summary>Replaces or adds services after the app registered its own.</summary>
    protected abstract void ConfigureTestServices(IServiceCollection services);

    protected sealed override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(ConfigureTestServices);
    }
}
