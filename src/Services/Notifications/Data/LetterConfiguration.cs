using CreditPower.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Notifications.Data;

internal sealed class LetterConfiguration : IEntityTypeConfiguration<Letter>
{
    public void Configure(EntityTypeBuilder<Letter> letter)
    {
        letter.ToTable("letters");
        letter.HasKey(l => l.Id);
        letter.Property(l => l.Number).HasMaxLength(64);
        letter.Property(l => l.SubjectName).HasMaxLength(200);
        letter.Property(l => l.SubjectKind).HasConversion<string>().HasMaxLength(20);
        letter.Property(l => l.SubjectIdentifier).HasMaxLength(18);
        letter.Property(l => l.Colour).HasConversion<string>().HasMaxLength(10);
        letter.Property(l => l.Reasons).AsJsonList();
        letter.Property(l => l.RuleVersion).HasMaxLength(64);
        letter.Property(l => l.Trigger).HasMaxLength(200);
        letter.Property(l => l.Issuer).HasMaxLength(200);
        letter.Property(l => l.Paragraphs).AsJsonList();
        letter.Property(l => l.PrintedBy).HasMaxLength(100);
        letter.Property(l => l.DeliveryMethod).HasConversion<string>().HasMaxLength(20);
        letter.Property(l => l.TrackingNumber).HasMaxLength(64);
        letter.Property(l => l.DeliveryRecordedBy).HasMaxLength(100);
        letter.Property(l => l.ReceiptSignedBy).HasMaxLength(100);
        letter.Property(l => l.ReceiptRecordedBy).HasMaxLength(100);
        // A number is issued once, ever; the sequence makes that so, the index proves it.
        letter.HasIndex(l => l.Number).IsUnique();
        letter.HasIndex(l => new { l.Year, l.Serial }).IsUnique();
        letter.HasIndex(l => l.Trigger).IsUnique();
        letter.HasIndex(l => l.SubjectId);
        letter.HasIndex(l => l.PrintedAt);
    }
}
