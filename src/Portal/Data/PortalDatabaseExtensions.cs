using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Data;

namespace CreditPower.Portal.Data;

public static class PortalDatabaseExtensions
{
    /// <summary>
    /// The portal's PostgreSQL database (<c>ConnectionStrings:portal-db</c>) with Aspire's retries, health
    /// check and tracing; migrated, then seeded with roles and development accounts, before requests are served.
    /// </summary>
    public static IHostApplicationBuilder AddPortalDatabase(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<PortalDbContext>(ResourceNames.PortalDb);

        // Hosted services start in registration order, and all of them before Kestrel listens.
        builder.AddDatabaseMigration<PortalDbContext>();
        builder.Services.AddHostedService<StaffSeeder>();
        return builder;
    }
}
