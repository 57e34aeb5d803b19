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

// Services: each owns its database; all talk over RabbitMQ.
var grading = builder.AddService<Projects.Grading>(ResourceNames.Grading, ResourceNames.GradingDb, servers, signingKey)
    .WithReference(servers.Redis)
    .WithEnvironment("BillingFeed__ApiKey", billingFeedKey);
var applications = builder.AddService<Projects.Applications>(ResourceNames.Applications, ResourceNames.ApplicationsDb, servers, signingKey);
var notifications = builder.AddService<Projects.Notifications>(ResourceNames.Notifications, ResourceNames.NotificationsDb, servers, signingKey);
var valueAdded = builder.AddService<Projects.ValueAdded>(ResourceNames.ValueAdded, ResourceNames.ValueAddedDb, servers, signingKey);

// Staff portal, on a fixed port (Portal:Port; unset for a free one).
builder.AddProject<Projects.Portal>(ResourceNames.Portal)
    .WithEndpoint("http", endpoint => endpoint.Port = builder.Configuration.GetValue<int?>("Portal:Port"))
    .WithReference(servers.Databases[ResourceNames.PortalDb])
    .WithReference(grading).WithReference(applications).WithReference(notifications).WithReference(valueAdded)
    .WithEnvironment("ServiceTokens__SigningKey", signingKey)
    .WithEnvironment("StaffAccounts__DevPassword", staffPassword)
    .WaitForServers(servers)
    .WithHttpHealthCheck("/health");

builder.Build().Run();
