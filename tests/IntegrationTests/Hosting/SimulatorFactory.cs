using CreditPower.GatewaySimulator.Received;
using Microsoft.Extensions.DependencyInjection;

namespace CreditPower.IntegrationTests.Hosting;

/// <summary>
/// The SMS/WeChat gateway simulator: Notifications talks to it over HTTP exactly as it would to Alibaba Cloud and
/// WeChat, and it shares Notifications' clock. Its public <see cref="MessageLog"/> marks its assembly.
/// </summary>
public sealed class SimulatorFactory(IReadOnlyDictionary<string, string> settings, TimeProvider clock)
    : KestrelAppFactory<MessageLog>(settings)
{
    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton(clock);
}
