using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CreditPower.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL, RabbitMQ and Redis from the operating system's packages, run by the scripts in
/// <c>eng/infra</c> as Aspire executables on loopback, on ports DCP picks, with data under
/// <c>Infra:DataDirectory</c> (default: the git-ignored <c>.data</c> folder of the checkout).
/// </summary>
internal static class LocalServers
{
    public static Servers Add(IDistributedApplicationBuilder builder)
    {
        var repository = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
        var scripts = Path.Combine(repository, "eng", "infra");
        var configuredData = builder.Configuration["Infra:DataDirectory"];
        var data = string.IsNullOrWhiteSpace(configuredData) ? Path.Combine(repository, ".data") : Path.GetFullPath(configuredData);
        Directory.CreateDirectory(data);

        // initdb fixes the password on first run, so it must outlive the AppHost: kept beside the data.
        var postgresPassword = builder.AddParameter("postgres-password", PersistentSecret(data, "postgres.password"), secret: true);
        var postgres = builder.AddExecutable(ResourceNames.Postgres, "bash", scripts, "pg-run.sh", Path.Combine(data, "postgres"))
            .WithEndpoint(name: "tcp", scheme: "tcp", env: "PGPORT", isProxied: false)
            .WithEnvironment("PGPASSWORD", postgresPassword)
            .WithTcpHealthCheck("tcp");
        var postgresPort = postgres.GetEndpoint("tcp").Property(EndpointProperty.Port);

        var rabbitMq = builder.AddExecutable($"{ResourceNames.RabbitMq}-server", "bash", scripts, "rabbit-run.sh", Path.Combine(data, "rabbitmq"))
            .WithEndpoint(name: "amqp", scheme: "tcp", env: "RABBITMQ_NODE_PORT", isProxied: false)
            .WithEndpoint(name: "dist", scheme: "tcp", env: "RABBITMQ_DIST_PORT", isProxied: false)
            .WithEndpoint(name: "epmd", scheme: "tcp", env: "ERL_EPMD_PORT", isProxied: false)
            .WithHttpEndpoint(name: "management", env: "RABBITMQ_MANAGEMENT_PORT", isProxied: false)
            .WithTcpHealthCheck("amqp");
        var amqpPort = rabbitMq.GetEndpoint("amqp").Property(EndpointProperty.Port);

        var redis = builder.AddExecutable($"{ResourceNames.Redis}-server", "bash", scripts, "redis-run.sh", Path.Combine(data, "redis"))
            .WithEndpoint(name: "tcp", scheme: "tcp", env: "REDIS_PORT", isProxied: false)
            .WithTcpHealthCheck("tcp");
        var redisPort = redis.GetEndpoint("tcp").Property(EndpointProperty.Port);

        var databases = Servers.DatabaseNames.ToDictionary(
            db => db.Key,
            db => (IResourceBuilder<IResourceWithConnectionString>)builder.AddConnectionString(db.Key, ReferenceExpression.Create(
                $"Host=127.0.0.1;Port={postgresPort};Username=postgres;Password={postgresPassword};Database={db.Value}")));

        // guest/guest is RabbitMQ's built-in account, accepted from loopback only, which is all the node listens on.
        return new Servers(
            builder.AddConnectionString(ResourceNames.RabbitMq, ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{amqpPort}")),
            builder.AddConnectionString(ResourceNames.Redis, ReferenceExpression.Create($"127.0.0.1:{redisPort}")),
            databases,
            [postgres, rabbitMq, redis]);
    }

    private static string PersistentSecret(string dataDirectory, string fileName)
    {
        var path = Path.Combine(dataDirectory, fileName);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        File.WriteAllText(path, secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return secret;
    }

    /// <summary>Healthy once the server accepts TCP connections, so <c>WaitFor</c> waits for a listening server.</summary>
    private static IResourceBuilder<ExecutableResource> WithTcpHealthCheck(this IResourceBuilder<ExecutableResource> resource, string endpointName)
    {
        var endpoint = resource.GetEndpoint(endpointName);
        var key = $"{resource.Resource.Name}-{endpointName}-listening";
        resource.ApplicationBuilder.Services.AddHealthChecks().AddAsyncCheck(key, async cancellationToken =>
        {
            if (!endpoint.IsAllocated)
            {
                return HealthCheckResult.Unhealthy("No port allocated yet.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", endpoint.Port, cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (SocketException)
            {
                return HealthCheckResult.Unhealthy($"Not listening on {endpoint.Port} yet.");
            }
        });
        return resource.WithHealthCheck(key);
    }
}
