using CreditPower.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Bench.Pipeline;

/// <summary>One database standing in for a producing and a consuming service: events + outbox, read model + inbox.</summary>
public sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
{
    public DbSet<ProbeEvent> Events => Set<ProbeEvent>();

    public DbSet<ProbeState> States => Set<ProbeState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProbeEvent>(e =>
        {
            e.ToTable("probe_events");
            e.HasKey(x => x.Id);
        });
        modelBuilder.Entity<ProbeState>(s =>
        {
            s.ToTable("probe_states");
            s.HasKey(x => x.SubjectId);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
