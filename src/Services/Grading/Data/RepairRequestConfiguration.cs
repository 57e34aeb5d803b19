using CreditPower.Grading.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Grading.Data;

internal sealed class RepairRequestConfiguration : IEntityTypeConfiguration<RepairRequest>
{
    public void Configure(EntityTypeBuilder<RepairRequest> repair)
    {
        repair.ToTable("repair_requests");
        repair.HasKey(r => r.Id);
        repair.Property(r => r.Reason).HasMaxLength(1000);
        repair.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        repair.Property(r => r.RequestedBy).HasMaxLength(100);
        repair.Property(r => r.DecidedBy).HasMaxLength(100);
        repair.Property(r => r.DecisionNote).HasMaxLength(1000);
        repair.HasIndex(r => new { r.SubjectId, r.Status });
        repair.HasOne<Subject>().WithMany().HasForeignKey(r => r.SubjectId);
    }
}
