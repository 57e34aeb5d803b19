extern alias apphost;

using System.Net.Http.Headers;
using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

[assembly: AssemblyFixture(typeof(CreditPower.EndToEnd.AppHostFixture))]

namespace CreditPower.EndToEnd;

/// <summary>
/// The whole system, started once per test run through the real AppHost (Aspire testing): servers
/// in the mode the machine allows, the four services and the portal, with throw-away data.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    private static readonly string[] _services = [ResourceNames.Grading, ResourceNames.Applications, ResourceNames.Notifications, ResourceNames.ValueAdded];
    private static readonly TimeSpan _startTimeout = TimeSpan.FromMinutes(4);

    private readonly string _signingKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "creditpower-e2e", Guid.NewGuid().ToString("n"));
    private DistributedApplication? _app;
    private ServiceTokenIssuer? _tokens;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The system has not started.");

    /// <summary>The key of the gateway simulator's control API in this run.</summary>
    public string SimulatorControlKey { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The development staff password the portal seeds its accounts with in this run.</summary>
    public string StaffPassword { get; } = $"E2e#{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}";

    public Uri PortalUrl { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        CreateTraversableDirectory(_dataDirectory);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<apphost::Projects.AppHost>(
            [
                $"--Infra:DataDirectory={_dataDirectory}",
                $"--Parameters:{ResourceNames.JwtSigningKey}={_signingKey}",
                $"--Parameters:{ResourceNames.StaffDevPassword}={StaffPassword}",
                $"--Parameters:{ResourceNames.SimulatorControlKey}={SimulatorControlKey}",
                "--Portal:Port=",
                // Tests run at any hour: quiet hours (held to 08:00) are covered by the integration tests' clock.
                "--Notifications:Dispatch:QuietHoursEnabled=false",
            ],
            (options, _) => options.DisableDashboard = true);
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());

        _app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(_startTimeout);
        await _app.StartAsync(timeout.Token);
        await WaitForServicesHealthyAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Portal, timeout.Token);

        PortalUrl = _app.GetEndpoint(ResourceNames.Portal, "http");
        _tokens = new ServiceTokenIssuer(Options.Create(new ServiceTokenOptions { SigningKey = _signingKey }), TimeProvider.System);
    }

    public async Task WaitForServicesHealthyAsync(CancellationToken cancellationToken = default)
    {
        foreach (var service in _services)
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(service, cancellationToken);
        }
    }

    /// <summary>An HTTP client for a service API, carrying a token for a staff member with <paramref name="roles"/>.</summary>
    public HttpClient CreateClient(string service, string userName, params string[] roles)
    {
        var client = App.CreateHttpClient(service, "http");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens!.Issue(userName, userName, roles));
        return client;
    }

    /// <summary>An HTTP client for the gateway simulator carrying its control key.</summary>
    public HttpClient CreateSimulatorClient()
    {
        var client = App.CreateHttpClient(ResourceNames.GatewaySimulator, "http");
        client.DefaultRequestHeaders.Add("X-Simulator-Key", SimulatorControlKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server still writing its last log line; the folder is under the temp path anyway.
        }
    }

    // PostgreSQL runs as user postgres, which must be able to reach its data folder.
    private static void CreateTraversableDirectory(string path)
    {
        Directory.CreateDirectory(path);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        for (var dir = new DirectoryInfo(path); dir is not null && dir.FullName != Path.GetTempPath().TrimEnd('/'); dir = dir.Parent)
        {
            dir.UnixFileMode |= UnixFileMode.GroupExecute | UnixFileMode.OtherExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        }
    }
}
