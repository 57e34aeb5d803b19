using CreditPower.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);

// Infrastructure: containers where a Docker daemon answers, else the OS packages (Infra:Mode overrides).
var servers = Servers.Add(builder, InfraModes.Resolve(builder.Configuration));

// Secrets: the key that signs the portal's tokens for service APIs, the development staff password, and the
// upstream billing system's key for Grading's billing feed.
var signingKey = builder.AddParameter(ResourceNames.JwtSigningKey, new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true);
var staffPassword = builder.AddParameter(ResourceNames.StaffDevPassword, secret: true);
var billingFeedKey = builder.AddParameter(ResourceNames.BillingFeedApiKey, new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true);

// The SMS and WeChat provider accounts (the simulator's by default; the real ones are a parameter change away), the
// token the SMS provider's receipt callback URL carries, and the Token WeChat signs its pushed events with.
var smsKeyId = builder.AddParameter(ResourceNames.SmsAccessKeyId, "LTAI5tCreditPowerLocal");
var smsKeySecret = builder.AddParameter(ResourceNames.SmsAccessKeySecret, new GenerateParameterDefault { MinLength = 30, Special = false }, secret: true);
var smsReceiptToken = builder.AddParameter(ResourceNames.SmsReceiptToken, new GenerateParameterDefault { MinLength = 40, Special = false }, secret: true);
var weChatAppId = builder.AddParameter(ResourceNames.WeChatAppId, "wx7c3ea21f9d4b6e58");
var weChatAppSecret = builder.AddParameter(ResourceNames.WeChatAppSecret, new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);
// WeChat takes a server Token of 3 to 32 letters and digits.
var weChatServerToken = builder.AddParameter(ResourceNames.WeChatServerToken, new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);

// The key of the gateway simulator's control API (/simulator); its page at / opens without one, on this machine only.
var simulatorControlKey = builder.AddParameter(ResourceNames.SimulatorControlKey, new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);

// Services: each owns its database; all talk over RabbitMQ.
var grading = builder.AddService<Projects.Grading>(ResourceNames.Grading, ResourceNames.GradingDb, servers, signingKey)
    .WithReference(servers.Redis)
    .WithEnvironment("BillingFeed__ApiKey", billingFeedKey);
var applications = builder.AddService<Projects.Applications>(ResourceNames.Applications, ResourceNames.ApplicationsDb, servers, signingKey);
var notifications = builder.AddService<Projects.Notifications>(ResourceNames.Notifications, ResourceNames.NotificationsDb, servers, signingKey)
    .WithReference(servers.Redis)
    .WithEnvironment("Sms__AccessKeyId", smsKeyId)
    .WithEnvironment("Sms__AccessKeySecret", smsKeySecret)
    .WithEnvironment("Sms__ReceiptToken", smsReceiptToken)
    .WithEnvironment("WeChat__AppId", weChatAppId)
    .WithEnvironment("WeChat__AppSecret", weChatAppSecret)
    .WithEnvironment("WeChat__ServerToken", weChatServerToken);
// Dispatch settings given to the AppHost as Notifications:Dispatch:* (tests turn quiet hours off this way).
foreach (var (key, value) in builder.Configuration.GetSection("Notifications:Dispatch").AsEnumerable(makePathsRelative: true))
{
    if (value is not null)
    {
        notifications.WithEnvironment($"Dispatch__{key.Replace(":", "__", StringComparison.Ordinal)}", value);
    }
}

var valueAdded = builder.AddService<Projects.ValueAdded>(ResourceNames.ValueAdded, ResourceNames.ValueAddedDb, servers, signingKey);

// Staff portal, on a fixed port (Portal:Port; unset for a free one).
var portal = builder.AddProject<Projects.Portal>(ResourceNames.Portal)
    .WithEndpoint("http", endpoint => endpoint.Port = builder.Configuration.GetValue<int?>("Portal:Port"))
    .WithReference(servers.Databases[ResourceNames.PortalDb])
    .WithReference(grading).WithReference(applications).WithReference(notifications).WithReference(valueAdded)
    .WithEnvironment("ServiceTokens__SigningKey", signingKey)
    .WithEnvironment("StaffAccounts__DevPassword", staffPassword)
    .WaitForServers(servers)
    .WithHttpHealthCheck("/health");

// Simulators: Alibaba Cloud SMS and the WeChat Official Account, checking what we send as the providers would. Each side
// knows the other's URL: Notifications sends to the simulator, the simulator pushes SMS receipts and WeChat events back.
var simulator = builder.AddProject<Projects.GatewaySimulator>(ResourceNames.GatewaySimulator)
    .WithEnvironment("Sms__AccessKeys__0__Id", smsKeyId)
    .WithEnvironment("Sms__AccessKeys__0__Secret", smsKeySecret)
    .WithEnvironment("Sms__ReceiptCallbackUrl",
        ReferenceExpression.Create($"{notifications.GetEndpoint("http")}/api/callbacks/sms-reports?token={smsReceiptToken.Resource}"))
    .WithEnvironment("WeChat__AppId", weChatAppId)
    .WithEnvironment("WeChat__AppSecret", weChatAppSecret)
    .WithEnvironment("WeChat__ServerUrl", ReferenceExpression.Create($"{notifications.GetEndpoint("http")}/api/callbacks/wechat-events"))
    .WithEnvironment("WeChat__ServerToken", weChatServerToken)
    .WithEnvironment("Simulator__ControlKey", simulatorControlKey)
    .WithHttpHealthCheck("/health");
notifications.WithReference(simulator)
    .WithEnvironment("Sms__BaseUrl", simulator.GetEndpoint("http"))
    .WithEnvironment("WeChat__BaseUrl", simulator.GetEndpoint("http"));
portal.WithReference(simulator);

builder.Build().Run();
