using CreditPower.Applications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Applications.Data;

internal sealed class DrcBatchConfiguration : IEntityTypeConfiguration<DrcBatch>
{
    public void Configure(EntityTypeBuilder<DrcBatch> batch)
    {
        batch.ToTable("drc_batches");
        batch.HasKey(b => b.Id);
        batch.HasIndex(b => b.Sequence).IsUnique();
        batch.HasIndex(b => b.ScheduledFor).IsUnique();
        batch.Property(b => b.CreatedBy).HasMaxLength(100);
        batch.Property(b => b.JsonSha256).HasMaxLength(64);
        batch.Property(b => b.CsvSha256).HasMaxLength(64);
    }
}
