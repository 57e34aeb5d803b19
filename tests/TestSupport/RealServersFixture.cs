using Xunit;

namespace CreditPower.TestSupport;

/// <summary>One <see cref="RealServers"/> per test assembly: <c>[assembly: AssemblyFixture(typeof(RealServersFixture))]</c>.</summary>
public sealed class RealServersFixture : IAsyncLifetime
{
    private RealServers? _servers;

    public RealServers Servers => _servers ?? throw new InvalidOperationException("RealServersFixture has not been initialized.");

    public async ValueTask InitializeAsync() => _servers = await RealServers.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }
    }
}
