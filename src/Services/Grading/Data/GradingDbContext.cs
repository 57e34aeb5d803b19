using CreditPower.Grading.Domain;
using CreditPower.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Data;

public sealed class GradingDbContext(DbContextOptions<GradingDbContext> options) : DbContext(options)
{
    public DbSet<Subject> Subjects => Set<Subject>();
    public DbSet<PowerAccount> PowerAccounts => Set<PowerAccount>();
    public DbSet<CreditEvent> CreditEvents => Set<CreditEvent>();
    public DbSet<GradeRecord> Grades => Set<GradeRecord>();
    public DbSet<RuleSetVersion> RuleSets => Set<RuleSetVersion>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<Objection> Objections => Set<Objection>();
    public DbSet<RepairRequest> Repairs => Set<RepairRequest>();
    public DbSet<ReevaluationRun> ReevaluationRuns => Set<ReevaluationRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GradingDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
