using CreditPower.Applications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Applications.Data;

internal sealed class StageEntryConfiguration : IEntityTypeConfiguration<StageEntry>
{
    public void Configure(EntityTypeBuilder<StageEntry> entry)
    {
        entry.ToTable("stage_entries");
        entry.HasKey(e => e.Id);

        // Ids are made in code; a new line added to a loaded application's timeline must be inserted, not updated.
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.Property(e => e.Stage).HasConversion<string>().HasMaxLength(30);
        entry.Property(e => e.EnteredBy).HasMaxLength(100);
        entry.Property(e => e.EnteredAs).HasMaxLength(30);
        entry.Property(e => e.Note).HasMaxLength(500);

        // One entry per stage and application: a second, concurrent move into the same stage fails instead of doubling.
        entry.HasIndex(e => new { e.ApplicationId, e.Stage }).IsUnique();
    }
}
