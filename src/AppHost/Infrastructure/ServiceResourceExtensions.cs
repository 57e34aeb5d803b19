namespace CreditPower.AppHost.Infrastructure;

internal static class ServiceResourceExtensions
{
    /// <summary>A CreditPower service: its own database, the bus, the token key, health-checked.</summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(
        this IDistributedApplicationBuilder builder, string name, string database, Servers servers, IResourceBuilder<ParameterResource> signingKey)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name)
            .WithReference(servers.Databases[database])
            .WithReference(servers.RabbitMq)
            .WithEnvironment("ServiceTokens__SigningKey", signingKey)
            .WaitForServers(servers)
            .WithHttpHealthCheck("/health");

    public static IResourceBuilder<ProjectResource> WaitForServers(this IResourceBuilder<ProjectResource> project, Servers servers)
    {
        foreach (var process in servers.Processes)
        {
            project.WaitFor(process);
        }

        return project;
    }
}
