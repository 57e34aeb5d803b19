using CreditPower.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Notifications.Data;

internal sealed class SubjectContactConfiguration : IEntityTypeConfiguration<SubjectContact>
{
    public void Configure(EntityTypeBuilder<SubjectContact> contact)
    {
        contact.ToTable("subject_contacts");
        contact.HasKey(c => c.SubjectId);
        contact.Property(c => c.Name).HasMaxLength(200);
        contact.Property(c => c.Mobile).HasMaxLength(20);
        contact.Property(c => c.Accounts).AsJsonList();
        contact.Property(c => c.Identifier).HasMaxLength(18);
        contact.HasIndex(c => c.Identifier);
    }
}
