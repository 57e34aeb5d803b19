using CreditPower.Grading.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Grading.Data;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("audit_log");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Actor).HasMaxLength(100);
        entry.Property(e => e.Action).HasMaxLength(64);
        entry.HasIndex(e => new { e.SubjectId, e.At });
    }
}
