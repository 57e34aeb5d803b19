using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using CreditPower.Applications.Data;
using CreditPower.GatewaySimulator.Control;
using CreditPower.Grading.Data;
using CreditPower.Notifications.Data;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Dates;
using CreditPower.ServiceDefaults.Messaging;
using CreditPower.ServiceDefaults.Security;
using CreditPower.TestSupport;
using CreditPower.ValueAdded.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CreditPower.IntegrationTests.Hosting;

/// <summary>
/// The four services, hosted in-process once per test run against the run's real PostgreSQL, RabbitMQ and Redis,
/// each with a database of its own. Tests share the running services, never their data: each makes its own subjects.
/// </summary>
public sealed class ServicesFixture(RealServersFixture realServers) : IAsyncLifetime
{
    private static readonly TimeSpan _readyTimeout = TimeSpan.FromMinutes(2);
    private readonly string _signingKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    private readonly string _runId = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
    private readonly List<IAsyncDisposable> _started = [];
    private ServiceTokenIssuer? _tokens;
    private ConnectionMultiplexer? _redis;
    private ServiceFactory<GradingDbContext>? _grading;
    private ServiceFactory<ApplicationsDbContext>? _applications;
    private ServiceFactory<NotificationsDbContext>? _notifications;
    private ServiceFactory<ValueAddedDbContext>? _valueAdded;
    private SimulatorFactory? _simulator;

    public RealServers Servers => realServers.Servers;

    /// <summary>Every message each service's consumers finished with, by MessageId.</summary>
    public ConsumedMessages Consumed { get; } = new();

    public ServiceFactory<GradingDbContext> Grading => Started(_grading);

    public ServiceFactory<ApplicationsDbContext> Applications => Started(_applications);

    public ServiceFactory<NotificationsDbContext> Notifications => Started(_notifications);

    public ServiceFactory<ValueAddedDbContext> ValueAdded => Started(_valueAdded);

    /// <summary>The SMS/WeChat gateway simulator Notifications sends to; its control API is under /simulator.</summary>
    public SimulatorFactory Simulator => Started(_simulator);

    /// <summary>Notifications' and the simulator's clock: daytime in Beijing unless a test moves it (always forward).</summary>
    public TestClock Clock { get; } = new();

    /// <summary>Weekdays Grading and Applications count as public holidays in this run, just ahead of the real clock they run on.</summary>
    public TestHolidays Holidays { get; } = new(ChinaDates.Today(TimeProvider.System));

    public const string SmsAccessKeyId = "LTAI5tIntegrationTests";
    public const string WeChatAppId = "wx0123456789abcdef";

    /// <summary>The secrets the simulator and Notifications share in this run (never literals).</summary>
    public string SmsAccessKeySecret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(15));

    public string WeChatAppSecret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public string SmsReceiptToken { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));

    /// <summary>The Token WeChat (the simulator) signs the events it pushes to Notifications with.</summary>
    public string WeChatServerToken { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The key the simulator's control API asks for.</summary>
    public string SimulatorControlKey { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The run's Redis, through a connection of the tests' own (not the service's).</summary>
    public IDatabase Redis => Started(_redis).GetDatabase();

    public IServiceHost Host(string service) => service switch
    {
        ResourceNames.Grading => Grading,
        ResourceNames.Applications => Applications,
        ResourceNames.Notifications => Notifications,
        ResourceNames.ValueAdded => ValueAdded,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Not a service of this run."),
    };

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        _tokens = new ServiceTokenIssuer(Options.Create(new ServiceTokenOptions { SigningKey = _signingKey }), TimeProvider.System);
        _redis = await ConnectionMultiplexer.ConnectAsync(Servers.RedisConnectionString);

        // Created up front: a migration against a missing database works, but logs a connection failure first.
        foreach (var database in new[] { ResourceNames.GradingDb, ResourceNames.ApplicationsDb, ResourceNames.NotificationsDb, ResourceNames.ValueAddedDb })
        {
            await Servers.CreateDatabaseAsync(DatabaseName(database), cancellation);
        }

        _grading = Start(new ServiceFactory<GradingDbContext>(ResourceNames.Grading, GradingSettings(), Consumed));
        _applications = Start(new ServiceFactory<ApplicationsDbContext>(ResourceNames.Applications, ApplicationsSettings(), Consumed));
        // Quiet hours are tested by moving the clock there; every other test runs in the Beijing daytime.
        Clock.AdvanceToBeijingTime(new TimeOnly(10, 0));
        _simulator = new SimulatorFactory(SimulatorSettings(), Clock);
        _started.Add(_simulator);
        _simulator.StartServer();
        _notifications = Start(new ServiceFactory<NotificationsDbContext>(ResourceNames.Notifications, NotificationsSettings(), Consumed,
            services => services.AddSingleton<TimeProvider>(Clock)));
        _valueAdded = Start(new ServiceFactory<ValueAddedDbContext>(ResourceNames.ValueAdded, Settings(ResourceNames.ValueAddedDb), Consumed));

        // The bus connects in the background: consumers are bound to their queues once /health says so.
        await WaitUntilHealthyAsync(cancellation);

        // Only now is Notifications' port known: point the simulator's receipt and event pushes at it.
        using var control = CreateSimulatorClient();
        using var callback = await control.PutAsJsonAsync("/simulator/sms/receipt-callback",
            new { callbackUrl = $"{_notifications.ClientOptions.BaseAddress}api/callbacks/sms-reports?token={SmsReceiptToken}" }, cancellation);
        callback.EnsureSuccessStatusCode();
        using var events = await control.PutAsJsonAsync("/simulator/wechat/event-callback",
            new { serverUrl = $"{_notifications.ClientOptions.BaseAddress}api/callbacks/wechat-events" }, cancellation);
        events.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Waits until every service is fully healthy: its probe answers 200 and every check (database, Redis, the bus
    /// with each receive endpoint bound) reports Healthy, not merely Degraded, which the probe also answers 200 to.
    /// </summary>
    public async Task WaitUntilHealthyAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(new IServiceHost[] { Grading, Applications, Notifications, ValueAdded }.Select(async host =>
        {
            using var client = host.CreateClient();
            var checks = host.Services.GetRequiredService<HealthCheckService>();
            await Eventually.UntilAsync(async () =>
            {
                using var response = await client.GetAsync(Extensions.HealthPath, cancellationToken);
                return response.StatusCode == HttpStatusCode.OK
                    && (await checks.CheckHealthAsync(cancellationToken)).Status == HealthStatus.Healthy;
            }, $"{host.Name} to report healthy", _readyTimeout);
        }));
    }

    /// <summary>An HTTP client for a service API, carrying a valid token for a staff member with <paramref name="roles"/>.</summary>
    public HttpClient CreateClient(string service, params string[] roles) =>
        CreateClientWithToken(service, IssueToken(string.Join('+', roles.DefaultIfEmpty("nobody")), roles));

    /// <summary>An HTTP client for a named staff member (four-eyes rules tell one officer from another).</summary>
    public HttpClient CreateClientAs(string service, string userName, params string[] roles) =>
        CreateClientWithToken(service, IssueToken(userName, roles));

    /// <summary>An HTTP client carrying <paramref name="bearerToken"/>, or no Authorization header when it is null.</summary>
    public HttpClient CreateClientWithToken(string service, string? bearerToken)
    {
        var client = Host(service).CreateClient();
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return client;
    }

    /// <summary>An HTTP client for the simulator carrying its control key (its provider endpoints ignore the key).</summary>
    public HttpClient CreateSimulatorClient()
    {
        var client = Simulator.CreateClient();
        client.DefaultRequestHeaders.Add(ControlOptions.KeyHeader, SimulatorControlKey);
        return client;
    }

    /// <summary>A token signed with the key the services were started with.</summary>
    public string IssueToken(string userName, IEnumerable<string> roles) => Started(_tokens).Issue(userName, userName, roles);

    public async ValueTask DisposeAsync()
    {
        foreach (var started in Enumerable.Reverse(_started))
        {
            await started.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    private ServiceFactory<TContext> Start<TContext>(ServiceFactory<TContext> factory) where TContext : Microsoft.EntityFrameworkCore.DbContext
    {
        _started.Add(factory);
        factory.StartServer();
        return factory;
    }

    private Dictionary<string, string> GradingSettings()
    {
        var settings = Settings(ResourceNames.GradingDb);
        Holidays.AddTo(settings);
        return settings;
    }

    private Dictionary<string, string> ApplicationsSettings()
    {
        var settings = Settings(ResourceNames.ApplicationsDb);
        Holidays.AddTo(settings);
        // The daily DRC batch would take, at 02:00 Beijing time, the letters a DRC test is about to report on demand;
        // the schedule's own test runs one on a clock it moves.
        settings["Applications:DrcReport:ScheduleEnabled"] = "false";
        return settings;
    }

    private Dictionary<string, string> Settings(string databaseResource) => new()
    {
        [$"ConnectionStrings:{databaseResource}"] = Servers.CreateDatabaseConnectionString(DatabaseName(databaseResource)),
        [$"ConnectionStrings:{ResourceNames.RabbitMq}"] = Servers.RabbitMqConnectionString,
        [$"ConnectionStrings:{ResourceNames.Redis}"] = Servers.RedisConnectionString,
        [$"{ServiceTokenOptions.SectionName}:{nameof(ServiceTokenOptions.SigningKey)}"] = _signingKey,
        // Four services log into one test host: keep what matters (broker outages, failures), drop the chatter.
        ["Logging:LogLevel:Default"] = "Warning",
        // An outbox row that cannot be built becomes a dead letter after three tries, so the relay test finishes in seconds.
        [$"{MessagingOptions.SectionName}:{nameof(MessagingOptions.MaxHolds)}"] = "3",
    };

    private Dictionary<string, string> NotificationsSettings()
    {
        var settings = Settings(ResourceNames.NotificationsDb);
        var simulator = Started(_simulator).ClientOptions.BaseAddress.ToString();
        settings["Sms:BaseUrl"] = simulator;
        settings["Sms:AccessKeyId"] = SmsAccessKeyId;
        settings["Sms:AccessKeySecret"] = SmsAccessKeySecret;
        settings["Sms:ReceiptToken"] = SmsReceiptToken;
        settings["WeChat:BaseUrl"] = simulator;
        settings["WeChat:AppId"] = WeChatAppId;
        settings["WeChat:AppSecret"] = WeChatAppSecret;
        settings["WeChat:ServerToken"] = WeChatServerToken;
        // Short back-offs and few attempts, so retry and give-up tests finish in seconds.
        settings["Dispatch:MaxAttempts"] = "3";
        settings["Dispatch:RetryBaseDelay"] = "00:00:00.200";
        settings["Dispatch:RetryMaxDelay"] = "00:00:01";
        settings["Dispatch:PollInterval"] = "00:00:00.100";
        return settings;
    }

    private Dictionary<string, string> SimulatorSettings() => new()
    {
        ["Sms:AccessKeys:0:Id"] = SmsAccessKeyId,
        ["Sms:AccessKeys:0:Secret"] = SmsAccessKeySecret,
        ["Sms:ReceiptDelay"] = "00:00:00.050",
        ["WeChat:AppId"] = WeChatAppId,
        ["WeChat:AppSecret"] = WeChatAppSecret,
        ["WeChat:ServerToken"] = WeChatServerToken,
        ["WeChat:EventDelay"] = "00:00:00.050",
        ["Simulator:ControlKey"] = SimulatorControlKey,
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private string DatabaseName(string databaseResource) => $"{databaseResource}-{_runId}";

    private static T Started<T>(T? value) where T : class =>
        value ?? throw new InvalidOperationException("The services have not started.");
}
