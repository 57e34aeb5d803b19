using CreditPower.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Notifications.Data;

internal sealed class ContactLogEntryConfiguration : IEntityTypeConfiguration<ContactLogEntry>
{
    public void Configure(EntityTypeBuilder<ContactLogEntry> entry)
    {
        entry.ToTable("contact_log");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Channel).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Trigger).HasMaxLength(200);
        entry.Property(e => e.DedupeKey).HasMaxLength(300);
        entry.Property(e => e.TemplateCode).HasMaxLength(64);
        entry.Property(e => e.Parameters).AsJsonMap();
        entry.Property(e => e.Content).HasMaxLength(2000);
        entry.HasIndex(e => e.DedupeKey).IsUnique();
        entry.HasIndex(e => new { e.SubjectId, e.CreatedAt });
    }
}
