using CreditPower.GatewaySimulator.Received;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CreditPower.IntegrationTests.Hosting;

/// <summary>
/// The SMS/WeChat gateway simulator from its own entry point on a real Kestrel port: Notifications talks to it over
/// HTTP exactly as it would to Alibaba Cloud and WeChat. Its public <see cref="MessageLog"/> marks its assembly.
/// </summary>
public sealed class SimulatorFactory : WebApplicationFactory<MessageLog>
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly TimeProvider _clock;

    public SimulatorFactory(IReadOnlyDictionary<string, string> settings, TimeProvider clock)
    {
        _settings = settings;
        _clock = clock;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton(_clock));
    }
}
