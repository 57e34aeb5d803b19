using CreditPower.ServiceDefaults.Messaging;
using CreditPower.ValueAdded.Domain;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.ValueAdded.Data;

public sealed class ValueAddedDbContext(DbContextOptions<ValueAddedDbContext> options) : DbContext(options)
{
    public DbSet<SubjectEligibility> Eligibility => Set<SubjectEligibility>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ValueAddedDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
