using CreditPower.Grading.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Grading.Data;

internal sealed class ReevaluationRunConfiguration : IEntityTypeConfiguration<ReevaluationRun>
{
    public void Configure(EntityTypeBuilder<ReevaluationRun> run)
    {
        run.ToTable("reevaluation_runs");
        run.HasKey(r => r.Id);
        run.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        run.Property(r => r.RuleVersion).HasMaxLength(64);
        run.Property(r => r.StartedBy).HasMaxLength(100);
        run.Property(r => r.Error).HasMaxLength(2000);
        run.HasIndex(r => r.StartedAt);
    }
}
