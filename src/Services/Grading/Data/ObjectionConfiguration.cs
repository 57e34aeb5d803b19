using CreditPower.Grading.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Grading.Data;

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> objection)
    {
        objection.ToTable("objections");
        objection.HasKey(o => o.Id);
        objection.Property(o => o.Reason).HasMaxLength(1000);
        objection.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        objection.Property(o => o.SubmittedBy).HasMaxLength(100);
        objection.Property(o => o.AcknowledgedBy).HasMaxLength(100);
        objection.Property(o => o.DecidedBy).HasMaxLength(100);
        objection.Property(o => o.DecisionNote).HasMaxLength(1000);
        objection.HasIndex(o => new { o.SubjectId, o.Status });
        objection.HasOne<Subject>().WithMany().HasForeignKey(o => o.SubjectId);
        objection.HasOne<CreditEvent>().WithMany().HasForeignKey(o => o.CreditEventId);
    }
}
