using CreditPower.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Notifications.Data;

internal sealed class NoticeTemplateConfiguration : IEntityTypeConfiguration<NoticeTemplate>
{
    public void Configure(EntityTypeBuilder<NoticeTemplate> template)
    {
        template.ToTable("notice_templates");
        template.HasKey(t => t.Id);
        template.Property(t => t.Code).HasMaxLength(64);
        template.Property(t => t.Body).HasMaxLength(2000);
        template.Property(t => t.CreatedBy).HasMaxLength(100);
        template.Property(t => t.Note).HasMaxLength(500);
        // Two officers saving at once: one gets the version, the other a 409 and reloads.
        template.HasIndex(t => new { t.Code, t.Version }).IsUnique();
        template.HasData(TemplateCatalog.SeedVersions());
    }
}
