using CreditPower.Applications.Domain;
using CreditPower.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Data;

public sealed class ApplicationsDbContext(DbContextOptions<ApplicationsDbContext> options) : DbContext(options)
{
    public DbSet<ConnectionApplication> Applications => Set<ConnectionApplication>();
    public DbSet<SubjectColour> SubjectColours => Set<SubjectColour>();
    public DbSet<PublicCapacityPool> CapacityPools => Set<PublicCapacityPool>();
    public DbSet<CapacityRequest> CapacityRequests => Set<CapacityRequest>();
    public DbSet<CapacityLedgerEntry> CapacityLedger => Set<CapacityLedgerEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ApplicationsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
