namespace CreditPower.AppHost.Infrastructure;

/// <summary>
/// The connection strings services use, the same names in every infra mode, and the server
/// resources they must wait for.
/// </summary>
internal sealed record Servers(
    IResourceBuilder<IResourceWithConnectionString> RabbitMq,
    IResourceBuilder<IResourceWithConnectionString> Redis,
    IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> Databases,
    IReadOnlyList<IResourceBuilder<IResource>> Processes)
{
    public static readonly IReadOnlyDictionary<string, string> DatabaseNames = new Dictionary<string, string>
    {
        [ResourceNames.GradingDb] = "grading",
        [ResourceNames.ApplicationsDb] = "applications",
        [ResourceNames.NotificationsDb] = "notifications",
        [ResourceNames.ValueAddedDb] = "valueadded",
        [ResourceNames.PortalDb] = "portal",
    };

    public static Servers Add(IDistributedApplicationBuilder builder, InfraMode mode) => mode switch
    {
        InfraMode.Container => AddContainers(builder),
        InfraMode.Local => LocalServers.Add(builder),
        InfraMode.External => AddExternal(builder),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    private static Servers AddContainers(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres(ResourceNames.Postgres).WithDataVolume();
        var rabbitMq = builder.AddRabbitMQ(ResourceNames.RabbitMq).WithManagementPlugin();
        var redis = builder.AddRedis(ResourceNames.Redis);
        var databases = DatabaseNames.ToDictionary(
            db => db.Key,
            db => (IResourceBuilder<IResourceWithConnectionString>)postgres.AddDatabase(db.Key, db.Value));
        return new Servers(rabbitMq, redis, databases, [postgres, rabbitMq, redis]);
    }

    private static Servers AddExternal(IDistributedApplicationBuilder builder) => new(
        builder.AddConnectionString(ResourceNames.RabbitMq),
        builder.AddConnectionString(ResourceNames.Redis),
        DatabaseNames.Keys.ToDictionary(name => name, name => builder.AddConnectionString(name)),
        []);
}
