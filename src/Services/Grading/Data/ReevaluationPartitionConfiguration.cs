using CreditPower.Grading.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Grading.Data;

internal sealed class ReevaluationPartitionConfiguration : IEntityTypeConfiguration<ReevaluationPartition>
{
    public void Configure(EntityTypeBuilder<ReevaluationPartition> partition)
    {
        partition.ToTable("reevaluation_partitions");
        partition.HasKey(p => new { p.RunId, p.Partition });
        partition.HasOne<ReevaluationRun>().WithMany().HasForeignKey(p => p.RunId);
    }
}
