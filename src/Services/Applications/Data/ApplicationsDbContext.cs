using CreditPower.Applications.Domain;
using CreditPower.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Data;

public sealed class ApplicationsDbContext(DbContextOptions<ApplicationsDbContext> options) : DbContext(options)
{
    public DbSet<ConnectionApplication> Applications => Set<ConnectionApplication>();
    public DbSet<StageEntry> StageEntries => Set<StageEntry>();
    public DbSet<SubjectColour> SubjectColours => Set<SubjectColour>();
    public DbSet<SubjectProfile> SubjectProfiles => Set<SubjectProfile>();
    public DbSet<CreditReport> CreditReports => Set<CreditReport>();
    public DbSet<CommitmentLetter> CommitmentLetters => Set<CommitmentLetter>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<DrcBatch> DrcBatches => Set<DrcBatch>();
    public DbSet<PublicCapacityPool> CapacityPools => Set<PublicCapacityPool>();
    public DbSet<CapacityRequest> CapacityRequests => Set<CapacityRequest>();
    public DbSet<CapacityLedgerEntry> CapacityLedger => Set<CapacityLedgerEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ApplicationsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
