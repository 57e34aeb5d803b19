using CreditPower.Grading.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreditPower.Grading.Data;

internal sealed class SubjectConfiguration : IEntityTypeConfiguration<Subject>
{
    public void Configure(EntityTypeBuilder<Subject> subject)
    {
        subject.ToTable("subjects");

        // Half of each page left free, so that re-grading a subject (colour, score, rule version: no indexed column)
        // is a HOT update on the same page: without the room every new row version went into all three indexes,
        // with a uniqueness check on the identifier (bench/Reevaluation, docs/adr/0002).
        subject.HasStorageParameter("fillfactor", 50);
        subject.HasKey(s => s.Id);
        subject.Property(s => s.Identifier).HasMaxLength(18);
        subject.HasIndex(s => s.Identifier).IsUnique();
        subject.Property(s => s.Name).HasMaxLength(200);
        subject.HasIndex(s => s.Name);
        subject.Property(s => s.LegalRepresentative).HasMaxLength(100);
        subject.Property(s => s.Address).HasMaxLength(300);
        subject.Property(s => s.Mobile).HasMaxLength(20);
        subject.Property(s => s.RuleVersion).HasMaxLength(64);
        subject.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        subject.Property(s => s.Colour).HasConversion<string>().HasMaxLength(10);
        subject.HasMany(s => s.Accounts).WithOne().HasForeignKey(a => a.SubjectId);
    }
}
